import Link from "next/link";
import { usageHref } from "@/lib/usage/hop-log-params";
import { EvidenceText } from "@/components/risk/evidence-text";
import { RiskLevelBadge } from "@/components/risk/risk-level-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TRiskLevel } from "@/lib/risk/model";
import type { TAlertRow } from "@/lib/usage/queries";
import { USAGE_FACTOR_LABELS } from "@/components/usage/labels";
import { DecideAlertDialog } from "@/components/usage/decide-alert-dialog";

/** Credentials the usage detectors flag, strongest first, each finding with its evidence. */
export function AlertsTable({ items, canDecide }: { items: TAlertRow[]; canDecide: boolean }) {
  return (
    <Table label="Credentials flagged by the usage detectors">
      <THead>
        <TR>
          <TH>Credential</TH>
          <TH>Findings</TH>
          <TH className="hidden w-28 sm:table-cell">Risk</TH>
          <TH className="hidden w-40 lg:table-cell">Last used</TH>
        </TR>
      </THead>
      <TBody>
        {items.map((row) => (
          <TR key={row.credentialId} data-testid={`alert-row-${row.credentialId}`}>
            <TD className="align-top">
              <Link href={`/inventory/${row.credentialId}`} className="font-medium text-foreground hover:underline">
                {row.name}
              </Link>
              <p className="text-xs text-muted-foreground">
                {row.provider}
                {row.owner ? ` · ${row.owner}` : " · no owner"}
              </p>
              <RiskLevelBadge level={row.level as TRiskLevel} score={row.score} className="mt-1 sm:hidden" />
            </TD>
            <TD className="align-top">
              <ul className="flex flex-col gap-1.5">
                {row.findings.map((f) => (
                  <li key={f.factor} className="flex min-w-0 flex-col gap-0.5 [overflow-wrap:anywhere]">
                    <span className="flex flex-wrap items-center gap-1.5">
                      <Badge tone={f.factor === "passthrough" ? "danger" : "warning"}>{USAGE_FACTOR_LABELS[f.factor]}</Badge>
                      {f.factor === "passthrough" && row.trace ? (
                        <Link href={`/usage/traces/${encodeURIComponent(row.trace)}`} className="text-xs font-medium text-primary hover:underline" data-testid="alert-trace-link">
                          Open the trace
                        </Link>
                      ) : null}
                      {f === row.findings[0] ? (<Link href={usageHref({ credential: row.credentialId })} className="text-xs font-medium text-primary hover:underline" data-testid="alert-hops-link">
                        All its hops
                      </Link>) : null}
                      {f.decision ? (
                        <Badge tone="neutral" data-testid="alert-decision">
                          {f.decision.kind} by {f.decision.by.replace(/ \(.*\)$/, "")}
                        </Badge>
                      ) : null}
                      {canDecide ? (
                        <span className="ml-auto flex gap-0.5">
                          {f.decision ? (
                            <DecideAlertDialog credentialId={row.credentialId} credentialName={row.name} factor={f.factor} factorLabel={USAGE_FACTOR_LABELS[f.factor]} decision="reopen" />
                          ) : (
                            <>
                              <DecideAlertDialog credentialId={row.credentialId} credentialName={row.name} factor={f.factor} factorLabel={USAGE_FACTOR_LABELS[f.factor]} decision="acknowledged" />
                              <DecideAlertDialog credentialId={row.credentialId} credentialName={row.name} factor={f.factor} factorLabel={USAGE_FACTOR_LABELS[f.factor]} decision="resolved" />
                            </>
                          )}
                        </span>
                      ) : null}
                    </span>
                    <EvidenceText text={f.evidence} className="text-xs text-muted-foreground" />
                    {f.decision ? <p className="text-xs text-muted-foreground italic">“{f.decision.comment}” — {f.decision.at.slice(0, 16).replace("T", " ")} UTC</p> : null}
                  </li>
                ))}
              </ul>
            </TD>
            <TD className="hidden align-top sm:table-cell">
              <RiskLevelBadge level={row.level as TRiskLevel} score={row.score} />
            </TD>
            <TD className="hidden align-top text-xs text-muted-foreground lg:table-cell">{row.lastUsedAt ? `${row.lastUsedAt.slice(0, 16).replace("T", " ")} UTC` : "never"}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
