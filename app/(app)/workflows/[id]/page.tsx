import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { DetailList, EntityHeader } from "@/components/detail/entity-header";
import { formatUtc } from "@/components/inventory/format";
import { BreakGlassBadge, WorkflowStateBadge } from "@/components/workflows/state-badge";
import { WorkflowActions } from "@/components/workflows/workflow-actions";
import { WorkflowTimeline } from "@/components/workflows/workflow-timeline";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { entityTitle, loadEntityPage } from "@/lib/inventory/entity-title";
import { workflowControls } from "@/lib/workflows/controls";
import { getWorkflowDetail } from "@/lib/workflows/queries";
import { KIND_LABELS, STATE_LABELS } from "@/lib/workflows/vocabulary";
import { EntityHistory } from "@/components/audit/entity-history";

type TParams = Promise<{ id: string }>;
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  return { title: await entityTitle("workflow", (await params).id, "Workflow") };
}

const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;
const when = (iso: string | null, fallback: string) => (iso ? formatUtc(iso) : muted(fallback));

export default async function WorkflowPage({ params }: { params: TParams }) {
  const { actor, data: w } = await loadEntityPage((await params).id, getWorkflowDetail);
  const controls = workflowControls(actor, { ...w, credentialName: w.credential.name }, w.readAt);
  const waitingOnOwnRequest = w.state === "requested" && w.requestedById === actor.id;
  return (
    <>
      <EntityHeader
        back={{ href: "/workflows", label: "Workflows" }}
        title={`${KIND_LABELS[w.kind]} of ${w.credential.name}`}
        testId="workflow-title"
        subtitle={
          <>
            <Link href={`/inventory/${w.credential.id}`} className="text-primary hover:underline">
              {w.credential.name}
            </Link>{" "}
            at {w.provider.name}
          </>
        }
        badges={
          <>
            <WorkflowStateBadge state={w.state} />
            {w.breakGlass ? <BreakGlassBadge /> : null}
          </>
        }
        actions={<WorkflowActions controls={controls} />}
      />
      {w.state === "failed" && w.lastErrorDetail ? (
        <Alert tone="danger" title={`The step “${w.failedStep ? STATE_LABELS[w.failedStep].label : "?"}” failed`} className="mb-6" data-testid="workflow-failure">
          {w.lastErrorDetail.message}
          {w.lastErrorDetail.status ? ` (HTTP ${w.lastErrorDetail.status})` : ""}. Retry it once the cause is fixed, or abandon the workflow.
        </Alert>
      ) : null}
      {w.state === "awaiting_cutover" ? (
        <Alert tone="info" title={w.secretRevealedAt ? "Switch the consumers over, then confirm" : "A new credential is ready"} className="mb-6">
          {w.secretRevealedAt
            ? "The new secret was revealed. Once every consumer uses it, confirm the cut-over: the old credential is revoked then, and not before."
            : `Its secret is held encrypted until its owner reveals it (once), at the latest until ${w.secretExpiresAt ? formatUtc(w.secretExpiresAt) : "its expiry"}; unrevealed by then, the new credential is revoked again and the old one kept.`}
        </Alert>
      ) : null}
      {w.state === "awaiting_replacement" ? (
        <Alert tone="info" title="Create the replacement at the provider" className="mb-6">
          {w.plan.possible ? w.plan.summary : ""} Once its consumers use the replacement, confirm it here: the old credential is then revoked.
        </Alert>
      ) : null}
      {w.batchId ? (
        <p className="mb-6 text-ui">
          Part of a{" "}
          <Link href={`/workflows/batches/${w.batchId}`} className="font-medium text-primary hover:underline" data-testid="workflow-batch-link">
            bulk revocation
          </Link>
          .
        </p>
      ) : null}
      {waitingOnOwnRequest ? <p className="mb-6 text-ui text-muted-foreground">You requested this: another owner of the credential decides.</p> : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
            <CardDescription>Every step, approval and provider answer, oldest first. Secrets never appear here.</CardDescription>
          </CardHeader>
          <CardContent>
            <WorkflowTimeline events={w.events} />
          </CardContent>
        </Card>
        <Card className="h-fit">
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent className="py-2">
            <DetailList
              rows={[
                ["Requested by", w.requestedBy],
                ["Requested", formatUtc(w.createdAt)],
                ["Reason", w.reason ?? muted("None given")],
                ["Decision", w.decidedBy ? `${w.decidedBy}${w.decisionComment && w.decisionComment !== "break-glass" ? `: “${w.decisionComment}”` : ""}` : muted(w.state === "requested" ? "Waiting" : "None")],
                ...(w.state === "requested" ? ([["Approve by", when(w.approvalDueAt, "No deadline")]] as [string, ReactNode][]) : []),
                ["How", w.plan.possible ? w.plan.summary : muted(w.plan.reason)],
                ...(w.newCredential ? ([["New credential", <Link key="n" href={`/inventory/${w.newCredential.id}`} className="text-primary hover:underline">{w.newCredential.name}</Link>]] as [string, ReactNode][]) : []),
                ...(w.kind === "rotation" ? ([["New secret", w.secretRevealedAt ? `Revealed ${formatUtc(w.secretRevealedAt)}` : w.secretHeld ? "Held encrypted, not yet revealed" : muted("None held")]] as [string, ReactNode][]) : []),
                ["Finished", when(w.completedAt, "Not yet")],
              ]}
            />
          </CardContent>
        </Card>
      </div>
      <EntityHistory actor={actor} targetType="workflow" targetId={w.id} />
    </>
  );
}
