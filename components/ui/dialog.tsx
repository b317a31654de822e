"use client";

import { X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

export function DialogOverlay({ className, ...props }: ComponentProps<typeof D.Overlay>) {
  return <D.Overlay className={cn("data-[state=open]:animate-fade-in fixed inset-0 z-40 bg-black/40 backdrop-blur-[1px]", className)} {...props} />;
}

/** Centred modal. Radix traps focus, restores it on close and closes on Escape. */
export function DialogContent({ className, children, ...props }: ComponentProps<typeof D.Content>) {
  return (
    <D.Portal>
      <DialogOverlay />
      <D.Content
        className={cn(
          "data-[state=open]:animate-pop-in fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-surface p-5 shadow-lg",
          className,
        )}
        {...props}
      >
        {children}
        <DialogCloseButton className="absolute top-3 right-3" />
      </D.Content>
    </D.Portal>
  );
}

/** Left-edge drawer, used for navigation on narrow screens. */
export function DrawerContent({ className, children, ...props }: ComponentProps<typeof D.Content>) {
  return (
    <D.Portal>
      <DialogOverlay />
      <D.Content
        className={cn(
          "data-[state=open]:animate-slide-in-left fixed inset-y-0 left-0 z-50 flex w-[min(18rem,85vw)] flex-col border-r border-border bg-surface shadow-lg",
          className,
        )}
        {...props}
      >
        {children}
      </D.Content>
    </D.Portal>
  );
}

export function DialogCloseButton({ className }: { className?: string }) {
  return (
    <D.Close
      className={cn(
        "inline-flex size-8 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground",
        className,
      )}
      aria-label="Close"
    >
      <X aria-hidden className="size-4" />
    </D.Close>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof D.Title>) {
  return <D.Title className={cn("text-base font-semibold tracking-tight", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof D.Description>) {
  return <D.Description className={cn("mt-1 text-sm text-muted-foreground", className)} {...props} />;
}
