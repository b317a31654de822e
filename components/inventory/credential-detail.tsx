import type { ReactNode } from "react";
import { EntityHeader } from "@/components/detail/entity-header";
import { CredentialFlags, EnvironmentBadge, StatusBadge } from "@/components/inventory/badges";
import { CredentialFacts } from "@/components/inventory/credential-facts";
import { CredentialSummary } from "@/components/inventory/credential-summary";
import { CredentialExposures, CredentialTopology } from "@/components/inventory/credential-usage";
import { AssignOwnerDialog, ClaimButton } from "@/components/inventory/ownership-controls";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TTopology } from "@/lib/inventory/topology";
import type { TCredentialDetail, TFilterOptions } from "@/lib/inventory/types";
import { isClaimable } from "@/lib/inventory/orphaned";
import { KIND_LABELS } from "@/lib/inventory/vocabulary";
import { mayAssign, type TOwnershipPermissions } from "@/lib/ownership/permissions";

type TProps = {
  detail: TCredentialDetail;
  topology: TTopology;
  now: number;
  permissions: TOwnershipPermissions;
  options: Pick<TFilterOptions, "users" | "teams"> | null;
  riskPanel: ReactNode;
  /** The provider's side (components/credentials/provider-card.tsx), composed by the page. */
  providerPanel?: ReactNode;
  /** Its workflows and the requests the viewer may make (components/workflows/credential-workflows-card.tsx). */
  workflowsPanel?: ReactNode;
  /** The audit History panel (components/audit/entity-history.tsx); without it, the detail's own short list. */
  /** The audit history (components/audit/entity-history), loaded by the page. */
  historyPanel: ReactNode;
};

export function CredentialDetailView({ detail: d, topology, now, permissions, options, riskPanel, providerPanel, workflowsPanel, historyPanel }: TProps) {
  const claimable = isClaimable(d);
  const canAssign = mayAssign(permissions, [{ ownerId: d.owner?.id ?? null, teamId: d.team?.id ?? null }]) && options;
  return (
    <div data-testid="credential-detail">
      <EntityHeader
        back={{ href: "/inventory", label: "Inventory" }}
        title={d.name}
        testId="credential-name"
        subtitle={`${KIND_LABELS[d.kind]} issued by ${d.provider.name}${d.identity ? ` · held by ${d.identity.name}` : ""}`}
        badges={
          <>
            <StatusBadge status={d.status} />
            <EnvironmentBadge environment={d.environment} />
            <CredentialFlags exposureCount={d.exposureCount} consumerCount={d.consumerCount} orphaned={d.orphaned} />
          </>
        }
        actions={
          canAssign || (permissions.claim && claimable) ? (
            <>
              {canAssign ? <AssignOwnerDialog credentialIds={[d.id]} options={options} /> : null}
              {permissions.claim && claimable ? <ClaimButton credentialIds={[d.id]} /> : null}
            </>
          ) : null
        }
      />
      <div className="flex flex-col gap-6">
        <CredentialSummary detail={d} now={now} />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="flex min-w-0 flex-col gap-6">
            <CredentialTopology detail={d} topology={topology} now={now} />
            <Card>
              <CardHeader>
                <CardTitle>Risk factors</CardTitle>
                <CardDescription>Why the score is what it is, with the evidence and the framework items each factor maps to.</CardDescription>
              </CardHeader>
              <CardContent>{riskPanel}</CardContent>
            </Card>
            <CredentialExposures detail={d} />
            {workflowsPanel}
            {historyPanel}
          </div>
          <div className="flex min-w-0 flex-col gap-6">
            <CredentialFacts detail={d} now={now} />
            {providerPanel}
          </div>
        </div>
      </div>
    </div>
  );
}
