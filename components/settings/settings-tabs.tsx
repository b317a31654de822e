"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

export type TSettingsTab = { href: string; label: string };

/** Sub-navigation of Settings. Tabs are links (each has its own URL), marked with aria-current. */
export function SettingsTabs({ tabs }: { tabs: TSettingsTab[] }) {
  const pathname = usePathname();
  const navRef = useRef<HTMLElement>(null);
  // On a narrow screen the tabs scroll: bring the current one into view (horizontally only, no page jump).
  useEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current) return;
    const right = current.offsetLeft + current.offsetWidth - nav.offsetLeft;
    if (right > nav.scrollLeft + nav.clientWidth) nav.scrollLeft = right - nav.clientWidth;
  }, [pathname]);
  return (
    <nav ref={navRef} aria-label="Settings sections" className="-mb-px flex gap-1 overflow-x-auto border-b border-border">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "relative shrink-0 rounded-t-md px-3 py-2 text-sm font-medium transition-colors",
              active
                ? "text-foreground after:absolute after:inset-x-2 after:-bottom-px after:h-0.5 after:rounded-full after:bg-primary"
                : "text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
