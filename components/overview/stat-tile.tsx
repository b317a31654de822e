import { ArrowUpRight, type LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const numberFormat = new Intl.NumberFormat("en-US");

/** One real count. Linked tiles lead to the page that explains the number. */
export function StatTile({
  label,
  value,
  hint,
  icon: Icon,
  href,
  testId,
  className: extraClassName,
}: {
  label: string;
  value: number;
  hint?: ReactNode;
  icon: LucideIcon;
  href?: string;
  testId?: string;
  className?: string;
}) {
  const body = (
    <>
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-2 text-ui font-medium text-muted-foreground">
          <Icon aria-hidden className="size-4" />
          {label}
        </span>
        {href ? (
          <ArrowUpRight aria-hidden className="size-4 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100" />
        ) : null}
      </div>
      <p className="mt-3 text-2xl font-semibold sm:text-3xl tracking-tight text-foreground tabular-nums" data-testid={testId}>
        {numberFormat.format(value)}
      </p>
      {hint ? <p className="mt-1 text-xs text-muted-foreground">{hint}</p> : null}
    </>
  );
  const className = cn("group block min-w-0 rounded-lg border border-border bg-surface p-4 shadow-xs sm:p-5", extraClassName);
  return href ? (
    <Link href={href} className={cn(className, "transition-colors hover:border-border-strong hover:bg-accent/30")}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}
