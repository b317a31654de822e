import { Bot, CalendarClock, CircleAlert, Clock, Eye, InfinityIcon, KeyRound, ScrollText, ServerCog, Share2, UserX, Cable } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatNumber, formatUtc } from "@/components/inventory/format";
import { BarList } from "@/components/overview/bar-list";
import { CategoryBars, Donut, WeeklyArea, WeeklyBars } from "@/components/overview/charts";
import { RiskTrendChart, type TRiskTrendDayView } from "@/components/risk/risk-trend-chart";
import { StatTile } from "@/components/overview/stat-tile";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { inventoryHref } from "@/lib/inventory/query-params";
import {
  KIND_LABELS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  STALE_AFTER_DAYS,
  STATUS_LABELS,
  type TCredentialStatus,
  type TRiskLevel,
} from "@/lib/inventory/vocabulary";
import type { TOverview } from "@/lib/overview/queries";

export const RISK_COLORS: Record<TRiskLevel, string> = {
  critical: "var(--danger)",
  high: "color-mix(in oklch, var(--danger) 55%, var(--warning))",
  medium: "var(--warning)",
  low: "var(--primary)",
  none: "var(--border-strong)",
};

const STATUS_COLORS: Record<TCredentialStatus, string> = {
  active: "var(--success)",
  expired: "var(--warning)",
  revoked: "var(--muted-foreground)",
  disabled: "var(--border-strong)",
};

function ChartCard({ title, description, children, footer, testId }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode; testId?: string }) {
  return (
    <Card className="flex min-w-0 flex-col" data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3">{children}</CardContent>
      {footer ? <div className="border-t border-border px-4 py-2.5 sm:px-5">{footer}</div> : null}
    </Card>
  );
}

/** A legend whose entries are links: the accessible, keyboard-reachable twin of a chart's slices. */
function LinkedLegend({ items }: { items: { key: string; label: string; count: number; color: string; href: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {items.map((i) => (
        <li key={i.key}>
          <Link href={i.href} className="inline-flex items-center gap-1.5 rounded text-xs text-muted-foreground hover:text-foreground hover:underline">
            <span aria-hidden className="size-2.5 rounded-sm" style={{ background: i.color }} />
            {i.label}
            <span className="font-medium text-foreground tabular-nums">{formatNumber(i.count)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function OverviewDashboard({ overview, riskTrend }: { overview: TOverview; riskTrend: TRiskTrendDayView[] }) {
  const t = overview.tiles;
  const active = { status: ["active" as const] };
  const byRisk = [...RISK_LEVELS].reverse().map((level) => ({
    key: level,
    label: RISK_LEVEL_LABELS[level],
    count: overview.byRisk.find((r) => r.key === level)?.count ?? 0,
    color: RISK_COLORS[level],
    href: inventoryHref({ risk: [level] }),
  }));
  const byStatus = overview.byStatus.map((s) => ({
    key: s.key,
    label: STATUS_LABELS[s.key],
    count: s.count,
    color: STATUS_COLORS[s.key],
    href: inventoryHref({ status: [s.key] }),
  }));
  const scored = overview.byRisk.some((r) => r.key !== "none" && r.count > 0);

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="headline-heading" className="flex flex-col gap-3">
        <h2 id="headline-heading" className="sr-only">
          Headline numbers
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatTile label="Credentials" value={t.total} icon={KeyRound} href="/inventory" hint={`${formatNumber(t.active)} active`} testId="tile-total" />
          <StatTile
            label="High or critical risk"
            value={t.highRisk}
            icon={CircleAlert}
            tone="danger"
            href={inventoryHref({ ...active, risk: ["critical", "high"] })}
            hint="Active, scored high or critical"
            testId="tile-high-risk"
          />
          <StatTile
            label="Expiring in 7 days"
            value={t.expiring7}
            icon={CalendarClock}
            tone="warning"
            href={inventoryHref({ ...active, expiresWithin: 7, autoRefresh: "exclude", sort: "expires", dir: "asc" })}
            hint="Active, rotate before they lapse (auto-refreshing tokens left out)"
            testId="tile-expiring-7"
          />
          <StatTile
            label="Expiring in 30 days"
            value={t.expiring30}
            icon={CalendarClock}
            href={inventoryHref({ ...active, expiresWithin: 30, autoRefresh: "exclude", sort: "expires", dir: "asc" })}
            hint="Active, not auto-refreshing"
            testId="tile-expiring-30"
          />
        </div>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <StatTile label="Never expire" value={t.neverExpires} icon={InfinityIcon} tone="warning" href={inventoryHref({ ...active, neverExpires: true })} hint="Active, no expiry date" testId="tile-never-expires" />
          <StatTile label="Stale" value={t.stale} icon={Clock} tone="warning" href={inventoryHref({ ...active, unusedFor: STALE_AFTER_DAYS, sort: "lastUsed", dir: "asc" })} hint={`Active, unused for ${STALE_AFTER_DAYS}+ days`} testId="tile-stale" />
          <StatTile label="Orphaned" value={t.orphaned} icon={UserX} tone="warning" href={inventoryHref({ ...active, orphaned: true })} hint="Active, no team and no active owner" testId="tile-orphaned" />
          <StatTile label="Exposed" value={t.exposed} icon={Eye} tone="danger" href={inventoryHref({ ...active, exposed: true })} hint="Active, found in clear" testId="tile-exposed" />
          <StatTile label="Shared" value={t.shared} icon={Share2} tone="warning" href={inventoryHref({ ...active, shared: true })} hint="Active, several holders" testId="tile-shared" className="col-span-2 sm:col-span-1" />
        </div>
      </section>

      <section aria-labelledby="breakdown-heading" className="flex flex-col gap-3">
        <h2 id="breakdown-heading" className="text-sm font-semibold tracking-tight">
          Breakdown
        </h2>
        <div className="grid gap-3 md:grid-cols-2">
          <ChartCard
            title="By risk level"
            description={scored ? "All credentials, by their current score. Select a bar to list them." : "No credential has been scored yet: the risk engine fills this in."}
            footer={<LinkedLegend items={byRisk} />}
            testId="chart-risk"
          >
            <CategoryBars data={byRisk} />
          </ChartCard>
          <ChartCard title="By status" description="Active, expired, revoked and disabled." footer={<LinkedLegend items={byStatus} />} testId="chart-status">
            <Donut data={byStatus} />
          </ChartCard>
          <ChartCard title="By provider" description="Where the credentials were issued." testId="chart-provider">
            <BarList rows={overview.byProvider.map((p) => ({ key: p.key, label: p.label ?? p.key, count: p.count, href: inventoryHref({ provider: [p.key] }) }))} testId="breakdown-provider" />
          </ChartCard>
          <ChartCard title="By kind" description="Personal access tokens, OAuth tokens, API keys …" testId="chart-kind">
            <BarList rows={overview.byKind.map((k) => ({ key: k.key, label: KIND_LABELS[k.key], count: k.count, href: inventoryHref({ kind: [k.key] }) }))} testId="breakdown-kind" />
          </ChartCard>
        </div>
      </section>

      <section aria-labelledby="trends-heading" className="flex flex-col gap-3">
        <h2 id="trends-heading" className="text-sm font-semibold tracking-tight">
          Trends
        </h2>
        <div className="grid gap-3 lg:grid-cols-3">
          <ChartCard
            title="Discovered per week"
            description="New credentials found by syncs, scans and ingestion, last 12 weeks."
            footer={<Link href={inventoryHref({ sort: "created", dir: "desc" })} className="text-xs font-medium text-primary hover:underline">Newest first in the inventory</Link>}
          >
            <WeeklyArea data={overview.discoveredPerWeek} unit="discovered" />
          </ChartCard>
          <ChartCard
            title="Expiring per week"
            description="Active credentials reaching their expiry, next 12 weeks."
            footer={<Link href={inventoryHref({ ...active, expiresWithin: 84, sort: "expires", dir: "asc" })} className="text-xs font-medium text-primary hover:underline">Soonest first in the inventory</Link>}
          >
            <WeeklyBars data={overview.expiringPerWeek} unit="expiring" />
          </ChartCard>
          <ChartCard title="Risk over time" description="Credentials at critical, high and medium risk per day (last 30 days).">
            <RiskTrendChart days={riskTrend} />
          </ChartCard>
        </div>
      </section>

      <section aria-labelledby="others-heading" className="flex flex-col gap-3">
        <h2 id="others-heading" className="text-sm font-semibold tracking-tight">
          Around the credentials
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatTile label="Non-human identities" value={overview.others.identities} icon={Bot} href="/identities" hint="Service accounts, agents, apps" testId="tile-identities" />
          <StatTile label="MCP servers" value={overview.others.mcpServers} icon={ServerCog} href="/mcp-servers" hint="Known servers" testId="tile-mcp-servers" />
          <StatTile label="Providers" value={overview.others.providers} icon={Cable} href="/providers" hint="Systems that issue credentials" testId="tile-providers" />
          <StatTile label="Audit events" value={overview.others.auditEvents} icon={ScrollText} href="/audit" hint="Hash-chained records" testId="tile-audit-events" />
        </div>
      </section>

      <p className="text-xs text-muted-foreground" data-testid="overview-computed-at">
        Computed {formatUtc(overview.computedAt)} from the whole inventory; refreshed at most once a minute. Each number opens the credentials it counts.
      </p>
    </div>
  );
}
