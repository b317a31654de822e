import { ArrowUpRight, type LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const numberFormat = new Intl.NumberFormat("en-US");

const TONES = {
  neutral: "text-muted-foreground",
  danger: "text-danger",
  warning: "text-warning",
} as const;

/** One real count. Linked tiles lead to the inventory view that lists exactly what was counted. */
export function StatTile({
  label,
  value,
  hint,
  icon: Icon,
  href,
  testId,
  tone = "neutral",
  className: extraClassName,
}: {
  label: string;
  value: number;
  hint?: ReactNode;
  icon: LucideIcon;
  href?: string;
  testId?: string;
  tone?: keyof typeof TONES;
  className?: string;
}) {
  const body = (
    <>
      <div className="flex items-start justify-between gap-2">
        <span className="flex min-w-0 items-start gap-2 text-ui leading-tight font-medium text-muted-foreground">
          <Icon aria-hidden className={cn("size-4 shrink-0", value > 0 && TONES[tone])} />
          <span className="min-w-0">{label}</span>
        </span>
        {href ? (
          <ArrowUpRight aria-hidden className="hidden size-4 shrink-0 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100 sm:block" />
        ) : null}
      </div>
      <p className="mt-2 text-2xl font-semibold tracking-tight text-foreground tabular-nums sm:text-3xl" data-testid={testId}>
        {numberFormat.format(value)}
      </p>
      {hint ? <p className="mt-1 text-xs text-muted-foreground">{hint}</p> : null}
    </>
  );
  const className = cn("group block min-w-0 rounded-lg border border-border bg-surface p-4 shadow-xs", extraClassName);
  return href ? (
    <Link href={href} className={cn(className, "transition-colors hover:border-border-strong hover:bg-accent/30")}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}
