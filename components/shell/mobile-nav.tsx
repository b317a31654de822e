"use client";

import { Menu } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCloseButton, DialogTitle, DialogTrigger, DrawerContent } from "@/components/ui/dialog";
import { NavLinks, type TNavCounts } from "@/components/shell/nav-links";
import { Wordmark } from "@/components/shell/wordmark";

/** Below lg the sidebar becomes a modal drawer; it closes on navigation and on Escape. */
export function MobileNav({ counts }: { counts?: TNavCounts }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="-ml-1.5 lg:hidden" aria-label="Open navigation">
          <Menu aria-hidden />
        </Button>
      </DialogTrigger>
      <DrawerContent
        aria-describedby={undefined}
        // Any link in the drawer (nav items, the wordmark) navigates: close behind it.
        onClickCapture={(event) => {
          if ((event.target as HTMLElement).closest("a[href]")) setOpen(false);
        }}
      >
        <div className="flex h-14 shrink-0 items-center justify-between border-b border-border px-4">
          <DialogTitle className="sr-only">Navigation</DialogTitle>
          <Wordmark />
          <DialogCloseButton />
        </div>
        <nav aria-label="Main" className="flex flex-1 flex-col overflow-y-auto px-3 pt-3 pb-4">
          <NavLinks counts={counts} />
        </nav>
      </DrawerContent>
    </Dialog>
  );
}
