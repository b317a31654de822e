"use client";

import { Play } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { InlineError } from "@/components/ui/inline-error";
import { formatUtc } from "@/components/inventory/format";
import { ProbeSettingsDialog } from "@/components/mcp-servers/probe-settings-dialog";
import { useServerAction } from "@/lib/client/use-server-action";
import { runProbeAction } from "@/lib/mcp-servers/actions";
import type { TProbeCheckStatus } from "@/lib/mcp-servers/probe/schemas";
import type { TProbeView } from "@/lib/mcp-servers/probe-queries";

const STATUS: Record<TProbeCheckStatus, { label: string; tone: "success" | "danger" | "neutral" }> = {
  pass: { label: "Pass", tone: "success" },
  fail: { label: "Fail", tone: "danger" },
  not_applicable: { label: "Not applicable", tone: "neutral" },
};
const RESULT_TONE: Record<string, "success" | "danger" | "warning"> = { pass: "success", fail: "danger", error: "warning" };
const RESULT_TITLE: Record<string, string> = { pass: "Passed", fail: "Failed", error: "Could not probe" };

/** The checks' texts mark names in `backticks`: shown as code. */
function WithCode({ text }: { text: string }) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i} className="rounded bg-surface-sunken px-1 font-mono text-[0.85em]">{part}</code> : <span key={i}>{part}</span>));
}

type TProps = { serverId: string; serverName: string; view: TProbeView; canRun: boolean; canConfigure: boolean };

/**
 * The MCP authorization probe on a server's page: run it (admin, security), the latest run's checks
 * with their evidence (requests, statuses, header and body excerpts — never a token), earlier runs.
 */
export function ProbePanel({ serverId, serverName, view, canRun, canConfigure }: TProps) {
  const { pending, error, run } = useServerAction(runProbeAction);
  const [openRun, setOpenRun] = useState<string | null>(null);
  const latest = view.runs[0];
  const shown = view.runs.find((r) => r.id === openRun) ?? latest;
  return (
    <Card data-testid="probe-panel">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2 sm:flex-row">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle>Authorization probe</CardTitle>
          <CardDescription>
            Checks this server against the MCP authorization rules (2026-07-28) from outside: the 401 challenge, its RFC 9728 metadata, the authorization
            server, and whether tokens not meant for it are refused.
          </CardDescription>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {canConfigure && view.remote ? <ProbeSettingsDialog serverId={serverId} serverName={serverName} settings={view.settings} /> : null}
          {canRun && view.remote ? (
            <Button size="sm" variant="primary" disabled={pending} onClick={() => run({ id: serverId }, (d) => setOpenRun(d.runId))} data-testid="probe-run">
              <Play aria-hidden />
              {pending ? "Probing…" : "Run probe"}
            </Button>
          ) : null}
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {!view.remote ? <p className="text-ui text-muted-foreground">A local (stdio) server takes its credentials from its environment: there is no HTTP endpoint to probe.</p> : null}
        {view.remote && !view.settings ? (
          <p className="text-ui text-muted-foreground" data-testid="probe-no-client">
            No probe client yet: without one the token checks are not applicable. {canConfigure ? "Set one up with “Probe client”." : "An admin can set one up."}
          </p>
        ) : null}
        {view.settings ? (
          <p className="text-xs text-muted-foreground" data-testid="probe-client">
            Probe client <span className="font-mono">{view.settings.clientId}</span> at <span className="font-mono break-all">{view.settings.tokenEndpoint}</span>
            {view.settings.schedule ? <> · scheduled <span className="font-mono">{view.settings.schedule}</span> (UTC)</> : " · on demand only"}
          </p>
        ) : null}
        <InlineError message={error?.message} testId="probe-error" />
        {shown ? (
          <div className="flex flex-col gap-3">
            <Alert tone={RESULT_TONE[shown.result] ?? "info"} title={`${RESULT_TITLE[shown.result] ?? shown.result} · ${formatUtc(shown.finishedAt)}`} data-testid="probe-summary">
              {shown.summary}
            </Alert>
            {shown.checks.length > 0 ? (
              <ul aria-label={`Probe checks of ${serverName}`} className="divide-y divide-border rounded-md border border-border" data-testid="probe-checks">
                {shown.checks.map((c) => (
                  <li key={c.id} data-testid={`probe-check-${c.id}`} data-status={c.status} className="grid gap-1 px-3 py-2.5 sm:grid-cols-[minmax(0,2fr)_7.5rem_minmax(0,3fr)] sm:gap-3">
                    <div className="text-ui font-medium">
                      <WithCode text={c.title} />
                    </div>
                    <div>
                      <Badge tone={STATUS[c.status].tone}>{STATUS[c.status].label}</Badge>
                    </div>
                    <div className="min-w-0">
                      <p className="text-ui break-words">
                        <WithCode text={c.detail} />
                      </p>
                      {c.evidence.length > 0 ? (
                        <details className="mt-1">
                          <summary className="cursor-pointer text-xs text-primary">Evidence ({c.evidence.length})</summary>
                          <ul className="mt-1 flex flex-col gap-2">
                            {c.evidence.map((e, i) => (
                              <li key={i} className="rounded-md bg-surface-sunken p-2 font-mono text-xs break-all">
                                <div>{e.request}</div>
                                <div className="text-muted-foreground">→ {e.status === null ? "no answer" : `HTTP ${e.status}`}</div>
                                {e.header ? <div className="text-muted-foreground">{e.header}</div> : null}
                                {e.body ? <div className="text-muted-foreground">{e.body}</div> : null}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : view.remote ? (
          <p className="text-ui text-muted-foreground">Never probed.</p>
        ) : null}
        {view.runs.length > 1 ? (
          <div className="flex flex-col gap-1" data-testid="probe-history">
            <h3 className="text-xs font-medium text-muted-foreground">Earlier runs</h3>
            <ul className="flex flex-col gap-1">
              {view.runs.map((r) => (
                <li key={r.id}>
                  <button type="button" onClick={() => setOpenRun(r.id)} className="flex w-full flex-wrap items-center gap-2 rounded-md px-1 py-0.5 text-left text-xs hover:bg-surface-sunken" aria-pressed={r.id === shown?.id}>
                    <Badge tone={RESULT_TONE[r.result] ?? "neutral"}>{RESULT_TITLE[r.result] ?? r.result}</Badge>
                    <span>{formatUtc(r.finishedAt)}</span>
                    <span className="text-muted-foreground">{r.trigger === "schedule" ? "scheduled" : `by ${r.requestedBy ?? "someone"}`}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
