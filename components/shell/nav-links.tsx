"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { isActivePath, NAV_SECTIONS, SETTINGS_NAV_ITEM, type TNavItem } from "@/components/shell/nav-items";

/** Counts shown beside a navigation item, by its href (e.g. requests waiting for the viewer's approval). */
export type TNavCounts = Partial<Record<string, { count: number; label: string }>>;

function NavLink({ item, pathname, badge }: { item: TNavItem; pathname: string; badge?: { count: number; label: string } }) {
  const active = isActivePath(pathname, item.href);
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors",
        active ? "bg-accent text-foreground" : "text-muted-foreground hover:bg-accent/60 hover:text-foreground",
      )}
    >
      <Icon
        aria-hidden
        className={cn("size-4 shrink-0", active ? "text-primary" : "text-muted-foreground group-hover:text-foreground")}
      />
      {item.label}
      {badge && badge.count > 0 ? (
        <span className="ml-auto rounded-full bg-primary px-1.5 text-[11px] leading-4 font-medium text-primary-foreground tabular-nums" data-testid={`nav-count-${item.href.slice(1)}`}>
          {badge.count > 99 ? "99+" : badge.count}
          <span className="sr-only"> {badge.label}</span>
        </span>
      ) : null}
    </Link>
  );
}

/** The navigation list, shared by the desktop sidebar and the mobile drawer. */
export function NavLinks({ counts = {} }: { counts?: TNavCounts }) {
  const pathname = usePathname();
  return (
    <div className="flex flex-1 flex-col gap-5">
      {NAV_SECTIONS.map((section, index) => (
        <div key={section.label ?? index} className="flex flex-col gap-0.5">
          {section.label ? (
            <p className="px-2.5 pb-1 text-[11px] font-medium tracking-wider text-muted-foreground/90 uppercase">{section.label}</p>
          ) : null}
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => (
              <li key={item.href}>
                <NavLink item={item} pathname={pathname} badge={counts[item.href]} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      <ul className="mt-auto flex flex-col gap-0.5 border-t border-border pt-3">
        <li>
          <NavLink item={SETTINGS_NAV_ITEM} pathname={pathname} />
        </li>
      </ul>
    </div>
  );
}
