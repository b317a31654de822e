import Link from "next/link";
import { formatNumber } from "@/components/inventory/format";

/**
 * A ranked list with proportional bars, each row a link to the matching inventory view. Used where
 * labels are long and many (providers, kinds): it reads better than a chart on a phone and every
 * row is a plain, keyboard-reachable link.
 */
export function BarList({ rows, testId }: { rows: { key: string; label: string; count: number; href: string }[]; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  if (rows.length === 0) return <p className="text-ui text-muted-foreground">Nothing yet.</p>;
  return (
    <ul className="flex flex-col gap-1" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key}>
          <Link href={row.href} className="group relative flex h-7 items-center justify-between gap-3 rounded px-2 text-ui hover:bg-accent/60">
            <span aria-hidden className="absolute inset-y-1 left-0 rounded bg-primary-subtle transition-colors group-hover:bg-primary/20" style={{ width: `${Math.max(2, (row.count / max) * 100)}%` }} />
            <span className="relative min-w-0 truncate">{row.label}</span>
            <span className="relative font-medium tabular-nums">{formatNumber(row.count)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
