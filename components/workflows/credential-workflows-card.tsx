import { Workflow } from "lucide-react";
import Link from "next/link";
import { formatRelative, formatUtc } from "@/components/inventory/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TCredentialWorkflows } from "@/lib/workflows/queries";
import { KIND_LABELS } from "@/lib/workflows/vocabulary";
import { RequestWorkflowDialog } from "./request-workflow-dialog";
import { BreakGlassBadge, WorkflowStateBadge } from "./state-badge";

export type TRequestRights = { request: boolean; breakGlass: boolean };

/**
 * A credential's workflows: the open one (there is at most one), the last ones, and the requests
 * this viewer may make — each only where the connector declares the capability, with the reason
 * where it does not.
 */
export function CredentialWorkflowsCard({ credential, data, rights, now, openRotation = false }: { credential: { id: string; name: string; status: string }; data: TCredentialWorkflows; rights: TRequestRights; now: number; openRotation?: boolean }) {
  const { plans, open, recent } = data;
  const closed = credential.status === "revoked" || credential.status === "disabled";
  const canAct = !open && !closed;
  const blocked = [plans.rotation, plans.revocation].find((p) => !p.possible);
  return (
    <Card id="workflows" className="scroll-mt-20" data-testid="credential-workflows">
      <CardHeader>
        <CardTitle>Workflows</CardTitle>
        <CardDescription>Rotations and revocations of this credential, run at its provider.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {canAct && (rights.request || rights.breakGlass) ? (
          <div className="flex flex-wrap gap-2">
            {rights.request && plans.rotation.possible ? (
              <RequestWorkflowDialog credentialId={credential.id} credentialName={credential.name} key={openRotation ? "asked" : "idle"} kind="rotation" defaultOpen={openRotation} plan={plans.rotation.summary} needsValue={plans.rotation.revokeNeedsValue} deliveryTargets={plans.rotation.canIssue ? data.deliveryTargets : []} />
            ) : null}
            {rights.request && plans.revocation.possible ? (
              <RequestWorkflowDialog credentialId={credential.id} credentialName={credential.name} kind="revocation" plan={plans.revocation.summary} needsValue={plans.revocation.revokeNeedsValue} />
            ) : null}
            {rights.breakGlass && plans.revocation.possible ? (
              <RequestWorkflowDialog credentialId={credential.id} credentialName={credential.name} kind="break_glass" plan={plans.revocation.summary} needsValue={plans.revocation.revokeNeedsValue} />
            ) : null}
          </div>
        ) : null}
        {canAct && blocked && !blocked.possible ? (
          <p className="text-xs text-muted-foreground" data-testid="credential-workflows-blocked">
            {blocked.reason}
          </p>
        ) : null}
        {open ? (
          <p className="text-ui">
            <Link href={`/workflows/${open.id}`} className="font-medium text-primary hover:underline" data-testid="credential-open-workflow">
              {KIND_LABELS[open.kind]} in progress
            </Link>{" "}
            <WorkflowStateBadge state={open.state} />
          </p>
        ) : null}
        {recent.length === 0 ? (
          <div className="flex gap-3 text-ui text-muted-foreground">
            <Workflow aria-hidden className="mt-0.5 size-4 shrink-0" />
            <p>No rotation or revocation has been requested for this credential yet.</p>
          </div>
        ) : (
          <ul className="divide-y divide-border">
            {recent.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-ui">
                <span className="flex flex-wrap items-center gap-1.5">
                  <Link href={`/workflows/${w.id}`} className="font-medium hover:underline">
                    {KIND_LABELS[w.kind]}
                  </Link>
                  {w.breakGlass ? <BreakGlassBadge /> : null}
                  <WorkflowStateBadge state={w.state} />
                </span>
                <time dateTime={w.createdAt} title={formatUtc(w.createdAt)} className="text-xs text-muted-foreground" suppressHydrationWarning>
                  {formatRelative(w.createdAt, now)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
