import { Siren } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AlertsTable } from "@/components/usage/alerts-table";
import { USAGE_FACTOR_LABELS } from "@/components/usage/labels";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { allows } from "@/lib/auth/access";
import { ALERT_LIST_CAP, listUsageAlerts, USAGE_FACTORS, type TAlertView, type TUsageFactor } from "@/lib/usage/queries";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ factor?: string | string[]; view?: string | string[] }> }) {
  const actor = await requireActor();
  const params = await searchParams;
  // An unknown or repeated value shows the default rather than an error: these are only view filters.
  const factor = typeof params.factor === "string" && (USAGE_FACTORS as readonly string[]).includes(params.factor) ? (params.factor as TUsageFactor) : undefined;
  const view: TAlertView = params.view === "decided" ? "decided" : "open";
  const { items, counts, decided, capped } = await listUsageAlerts(await db(), factor, view);
  const total = USAGE_FACTORS.reduce((n, f) => n + counts[f], 0);
  const href = (f: TUsageFactor | undefined, v: TAlertView) => {
    const q = new URLSearchParams();
    if (f) q.set("factor", f);
    if (v === "decided") q.set("view", v);
    return q.size ? `/alerts?${q}` : "/alerts";
  };
  const tab = (href: string, label: string, count: number, active: boolean, testId: string) => (
    <Link
      key={href}
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-xs font-medium",
        active ? "border-primary bg-primary-subtle text-primary-subtle-foreground" : "border-border bg-surface text-muted-foreground hover:bg-accent hover:text-foreground",
      )}
      data-testid={testId}
    >
      {label}
      <span className="tabular-nums">{count.toLocaleString("en")}</span>
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Alerts"
        description="What the hop logs prove: tokens forwarded across trust boundaries, used at audiences they were not issued for, shared between callers or environments, or used by people. Each finding cites its evidence; a passthrough opens its trace."
      >
        <div className="flex flex-col gap-2">
          <nav aria-label="Open or decided" className="flex flex-wrap gap-1.5">
            {tab(href(factor, "open"), "Open", factor ? counts[factor] : total, view === "open", "alerts-view-open")}
            {tab(href(factor, "decided"), "Acknowledged or resolved", decided, view === "decided", "alerts-view-decided")}
          </nav>
          <nav aria-label="Filter by detector" className="flex flex-wrap gap-1.5">
            {tab(href(undefined, view), "All detectors", total, !factor, "alerts-filter-all")}
            {USAGE_FACTORS.map((f) => tab(href(f, view), USAGE_FACTOR_LABELS[f], counts[f], factor === f, `alerts-filter-${f}`))}
          </nav>
          <p className="text-xs text-muted-foreground">Detector counts are open findings.</p>
        </div>
      </PageHeader>
      {items.length === 0 ? (
        <EmptyState
          icon={Siren}
          title={view === "decided" ? "No acknowledged or resolved findings" : factor ? `No open ${USAGE_FACTOR_LABELS[factor].toLowerCase()} findings` : "No open usage findings"}
          description="Findings appear when gateways and MCP servers send their hops to POST /api/v1/usage or OTLP traces to /api/v1/otlp/v1/traces (an API key with usage:write), and a credential's usage breaks a rule."
        />
      ) : (
        <>
          <AlertsTable items={items} canDecide={allows(actor, "alerts.decide")} />
          {capped ? <p className="mt-2 text-xs text-muted-foreground">Showing the {ALERT_LIST_CAP} highest-risk credentials; filter by detector to narrow.</p> : null}
        </>
      )}
    </>
  );
}
