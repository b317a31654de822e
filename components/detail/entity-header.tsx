import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatRelative, formatUtc } from "@/components/inventory/format";

/**
 * The shared pieces of detail pages (credential, identity, MCP server): the header with back link,
 * title, context line, badges and actions; the label/value list; and small value renderers.
 */

export function EntityHeader({
  back,
  title,
  subtitle,
  badges,
  actions,
  testId,
}: {
  back: { href: string; label: string };
  title: string;
  subtitle?: ReactNode;
  badges?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <header className="mb-6 flex flex-col gap-3">
      <Link href={back.href} className="inline-flex w-fit items-center gap-1 text-ui text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-3.5" />
        {back.label}
      </Link>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight [overflow-wrap:anywhere] sm:text-2xl" data-testid={testId}>
            {title}
          </h1>
          {subtitle ? <p className="mt-1 text-sm text-muted-foreground [overflow-wrap:anywhere]">{subtitle}</p> : null}
          {badges ? <div className="mt-2 flex flex-wrap items-center gap-1.5">{badges}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-start gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}

export type TDetailRow = [label: string, value: ReactNode] | { label: string; value: ReactNode; testId?: string };

export function DetailList({ rows }: { rows: TDetailRow[] }) {
  return (
    <dl className="divide-y divide-border">
      {rows.map((row) => {
        const { label, value, testId } = Array.isArray(row) ? { label: row[0], value: row[1], testId: undefined } : row;
        return (
          <div key={label} className="grid grid-cols-[8rem_1fr] gap-3 py-2 text-ui">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]" data-testid={testId}>
              {value}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <span className="text-muted-foreground">{children}</span>;
}

/** A UTC time with "… ago", or a muted placeholder when there is none. */
export function TimeValue({ iso, now, empty }: { iso: string | null; now: number; empty: string }) {
  if (!iso) return <Muted>{empty}</Muted>;
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {formatUtc(iso)} <span className="text-muted-foreground">· {formatRelative(iso, now)}</span>
    </time>
  );
}
