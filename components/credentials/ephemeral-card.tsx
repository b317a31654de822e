import Link from "next/link";
import { DetailList } from "@/components/detail/entity-header";
import { EphemeralToggle } from "@/components/credentials/ephemeral-toggle";
import { formatUtc } from "@/components/inventory/format";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TEphemeralState } from "@/lib/credentials/queries";

/**
 * Per-task credentials (the background articles' advice): an ephemeral one is revoked through the
 * break-glass path when a gateway or MCP server reports its task ended (usage outcome
 * task_completed); where that cannot be done, it says "should be revoked" and why.
 */
export function EphemeralCard({ credentialId, state, status, canChange }: { credentialId: string; state: TEphemeralState; status: string; canChange: boolean }) {
  const closed = status === "revoked" || status === "disabled";
  const ended = state.taskEnded;
  return (
    <Card data-testid="credential-ephemeral" data-ephemeral={state.since !== null} data-task-ended={ended !== null}>
      <CardHeader>
        <CardTitle>Lifetime</CardTitle>
        <CardDescription>
          {state.since
            ? "Ephemeral: revoked when usage telemetry reports its task ended (outcome task_completed)."
            : "Standing: not tied to one task. Mark it ephemeral to have it revoked when its task ends."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {state.since ? (
          <DetailList
            rows={[
              ["Ephemeral since", formatUtc(state.since)],
              ["Revocation", state.revokeNeedsValue ? (state.valueHeld ? "Its value is held, encrypted, until the task ends" : "Needs its value, which Tokenward does not hold: it will be flagged, not revoked") : "By the provider's API, no value needed"],
            ]}
          />
        ) : null}
        {ended ? (
          ended.shouldBeRevoked && !closed ? (
            <Alert tone="danger" title="Should be revoked: its task ended" data-testid="credential-task-ended" data-outcome="should-be-revoked">
              {formatUtc(ended.at)}. {ended.shouldBeRevoked}
              {ended.traceId ? <TraceLink traceId={ended.traceId} /> : null}
            </Alert>
          ) : (
            <Alert tone={closed ? "success" : "info"} title={closed ? "Revoked after its task ended" : "Being revoked: its task ended"} data-testid="credential-task-ended" data-outcome="revoking">
              {formatUtc(ended.at)}.{" "}
              {ended.workflowId ? (
                <Link href={`/workflows/${ended.workflowId}`} className="font-medium text-primary hover:underline">
                  Break-glass revocation
                </Link>
              ) : null}
              {ended.traceId ? <TraceLink traceId={ended.traceId} /> : null}
            </Alert>
          )
        ) : null}
        {canChange && !closed && !ended ? <EphemeralToggle credentialId={credentialId} ephemeral={state.since !== null} /> : null}
      </CardContent>
    </Card>
  );
}

function TraceLink({ traceId }: { traceId: string }) {
  return (
    <>
      {" "}
      <Link href={`/usage/traces/${encodeURIComponent(traceId)}`} className="text-primary hover:underline">
        See the trace
      </Link>
    </>
  );
}
