"use client";

import { ChevronDown } from "lucide-react";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** The shared menu-item look (components/ui/dropdown-menu.tsx), for checkbox items. */
const itemClassName =
  "relative flex h-8 cursor-default items-center gap-2 rounded-md pr-2 pl-8 text-ui outline-none select-none aria-disabled:pointer-events-none aria-disabled:opacity-50 focus:bg-accent";

export type TCheckOption = { value: string; label: string; hint?: string };

/**
 * A button that opens a list of checkboxes: multi-value filters and the column chooser. The menu
 * stays open while ticking (menus close on select by default).
 */
export function CheckMenu({
  label,
  title,
  options,
  selected,
  onChange,
  testId,
  icon,
  footer,
  align = "start",
  showCount = true,
}: {
  label: ReactNode;
  title: string;
  options: TCheckOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  testId?: string;
  icon?: ReactNode;
  footer?: ReactNode;
  align?: "start" | "end";
  /** Off for pickers that are settings, not filters (the column chooser). */
  showCount?: boolean;
}) {
  const active = showCount && selected.length > 0;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={cn(buttonVariants({ variant: "secondary", size: "sm" }), active && "border-primary/50 bg-primary-subtle text-primary-subtle-foreground hover:bg-primary-subtle")}
        data-testid={testId}
      >
        {icon}
        {label}
        {active ? <span className="rounded bg-primary px-1 text-[11px] leading-4 text-primary-foreground tabular-nums">{selected.length}</span> : null}
        <ChevronDown aria-hidden className="opacity-60" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align={align} className="max-h-[min(24rem,var(--menu-available-height))] min-w-52 overflow-y-auto">
        <DropdownMenuLabel>{title}</DropdownMenuLabel>
        {options.map((option) => {
          const checked = selected.includes(option.value);
          return (
            <DropdownMenuCheckboxItem
              key={option.value}
              className={itemClassName}
              checked={checked}
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(on) => onChange(on ? [...selected, option.value] : selected.filter((v) => v !== option.value))}
              data-testid={testId ? `${testId}-option-${option.value}` : undefined}
            >
              <span className="min-w-0 flex-1 truncate">{option.label}</span>
              {option.hint ? <span className="text-xs text-muted-foreground">{option.hint}</span> : null}
            </DropdownMenuCheckboxItem>
          );
        })}
        {footer ? (
          <>
            <DropdownMenuSeparator />
            {footer}
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
