import Link from "next/link";
import { cn } from "@/components/ui/cn";

export type TViewTab = { href: string; label: string; count?: number; active: boolean };

/** The workflow list's views as links (each its own URL); the current one is marked for assistive tech. */
export function ViewTabs({ tabs, label }: { tabs: TViewTab[]; label: string }) {
  return (
    <nav aria-label={label} className="-mb-px flex gap-1 overflow-x-auto border-b border-border">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.active ? "page" : undefined}
          className={cn(
            "relative flex shrink-0 items-center gap-1.5 rounded-t-md px-3 py-2 text-sm font-medium transition-colors",
            tab.active ? "text-foreground after:absolute after:inset-x-2 after:-bottom-px after:h-0.5 after:rounded-full after:bg-primary" : "text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
          {tab.count ? <span className="rounded-full bg-primary px-1.5 text-[11px] leading-4 text-primary-foreground tabular-nums">{tab.count}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
