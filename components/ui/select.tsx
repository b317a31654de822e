import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/input";

/**
 * A styled native <select>: keyboard, screen-reader and mobile pickers work for free, which matters
 * more here than a custom popover look. `compact` fits table rows.
 */
export function Select({ className, children, compact = false, ...props }: ComponentProps<"select"> & { compact?: boolean }) {
  return (
    <div className={cn("relative", className)}>
      <select className={cn(controlClassName, "appearance-none pr-8", compact && "h-8 pl-2.5 text-ui")} {...props}>
        {children}
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
