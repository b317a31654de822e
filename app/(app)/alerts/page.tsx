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
import { ALERT_LIST_CAP, listUsageAlerts, USAGE_FACTORS, type TUsageFactor } from "@/lib/usage/queries";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ factor?: string | string[] }> }) {
  await requireActor();
  const raw = (await searchParams).factor;
  // An unknown or repeated factor shows everything rather than an error: it is only a view filter.
  const factor = typeof raw === "string" && (USAGE_FACTORS as readonly string[]).includes(raw) ? (raw as TUsageFactor) : undefined;
  const { items, counts, capped } = await listUsageAlerts(await db(), factor);
  const total = USAGE_FACTORS.reduce((n, f) => n + counts[f], 0);
  const tab = (href: string, label: string, count: number, active: boolean) => (
    <Link
      key={href}
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-xs font-medium",
        active ? "border-primary bg-primary-subtle text-primary-subtle-foreground" : "border-border bg-surface text-muted-foreground hover:bg-accent hover:text-foreground",
      )}
      data-testid={`alerts-filter-${href.split("=")[1] ?? "all"}`}
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
        <nav aria-label="Filter by detector" className="flex flex-wrap gap-1.5">
          {tab("/alerts", "All", total, !factor)}
          {USAGE_FACTORS.map((f) => tab(`/alerts?factor=${f}`, USAGE_FACTOR_LABELS[f], counts[f], factor === f))}
        </nav>
      </PageHeader>
      {items.length === 0 ? (
        <EmptyState
          icon={Siren}
          title={factor ? `No ${USAGE_FACTOR_LABELS[factor].toLowerCase()} findings` : "No usage findings"}
          description="Findings appear when gateways and MCP servers send their hops to POST /api/v1/usage or OTLP traces to /api/v1/otlp/v1/traces (an API key with usage:write), and a credential's usage breaks a rule."
        />
      ) : (
        <>
          <AlertsTable items={items} />
          {capped ? <p className="mt-2 text-xs text-muted-foreground">Showing the {ALERT_LIST_CAP} highest-risk credentials; filter by detector to narrow.</p> : null}
        </>
      )}
    </>
  );
}
