import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

/** Back link, title, one line of context and badges: the top of identity and MCP server pages. */
export function EntityHeader({ back, title, subtitle, badges, testId }: { back: { href: string; label: string }; title: string; subtitle?: ReactNode; badges?: ReactNode; testId?: string }) {
  return (
    <header className="mb-6 flex flex-col gap-3">
      <Link href={back.href} className="inline-flex w-fit items-center gap-1 text-ui text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-3.5" />
        {back.label}
      </Link>
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight [overflow-wrap:anywhere] sm:text-2xl" data-testid={testId}>
          {title}
        </h1>
        {subtitle ? <p className="mt-1 text-sm text-muted-foreground [overflow-wrap:anywhere]">{subtitle}</p> : null}
        {badges ? <div className="mt-2 flex flex-wrap items-center gap-1.5">{badges}</div> : null}
      </div>
    </header>
  );
}

export function DetailList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="divide-y divide-border">
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-[8rem_1fr] gap-3 py-2 text-ui">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
