import type { ReactNode } from "react";
import { AutoRefreshBadge } from "@/components/inventory/badges";
import { Countdown } from "@/components/inventory/countdown";
import { formatDate, formatNumber, formatRelative } from "@/components/inventory/format";
import { RiskLevelBadge } from "@/components/risk/risk-level-badge";
import type { TCredentialDetail } from "@/lib/inventory/types";
import { formatScore } from "@/lib/risk/format-score";

function SummaryTile({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-border bg-surface p-3.5 shadow-xs" data-testid={testId}>
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <div className="mt-1.5 text-sm">{children}</div>
    </div>
  );
}

/** The four numbers a reviewer reads first: risk, expiry, last use, holders. */
export function CredentialSummary({ detail: d, now }: { detail: TCredentialDetail; now: number }) {
  return (
    <section aria-label="Summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <SummaryTile label="Risk" testId="summary-risk">
        <span className="flex items-center gap-2">
          <span className="text-2xl font-semibold tabular-nums">{formatScore(d.riskScore)}</span>
          <span className="text-muted-foreground">/ 100</span>
          <RiskLevelBadge level={d.riskLevel} />
        </span>
      </SummaryTile>
      <SummaryTile label="Expires" testId="summary-expires">
        {d.expiresAt ? (
          <span className="flex flex-col">
            <span className="font-medium">{formatDate(d.expiresAt)}</span>
            <Countdown to={d.expiresAt} serverNow={now} />
            {d.autoRefresh ? (
              <span className="mt-1.5">
                <AutoRefreshBadge />
              </span>
            ) : null}
          </span>
        ) : (
          <span className="flex flex-col">
            <span className="font-medium text-warning">Never</span>
            <span className="text-ui text-muted-foreground">standing credential</span>
          </span>
        )}
      </SummaryTile>
      <SummaryTile label="Last used" testId="summary-last-used">
        {d.lastUsedAt ? (
          <span className="flex flex-col" suppressHydrationWarning>
            <span className="font-medium">{formatRelative(d.lastUsedAt, now)}</span>
            <span className="text-ui text-muted-foreground">{formatDate(d.lastUsedAt)}</span>
          </span>
        ) : (
          <span className="font-medium text-muted-foreground">Never observed</span>
        )}
      </SummaryTile>
      <SummaryTile label="Holders" testId="summary-holders">
        <span className="flex flex-col">
          <span className="font-medium tabular-nums">{formatNumber(d.consumerCount)}</span>
          <span className={d.exposureCount > 0 ? "text-ui text-danger" : "text-ui text-muted-foreground"}>
            {d.exposureCount > 0 ? `${d.exposureCount} open exposure${d.exposureCount === 1 ? "" : "s"}` : "no open exposure"}
          </span>
        </span>
      </SummaryTile>
    </section>
  );
}
