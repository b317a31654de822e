import type { Metadata } from "next";
import { CredentialDetailView } from "@/components/inventory/credential-detail";
import { RiskFactorsPanel } from "@/components/risk/risk-factors-panel";
import { RiskScoreTrend } from "@/components/risk/risk-score-trend";
import { entityTitle, loadEntityPage, withOwnershipOptions } from "@/lib/inventory/entity-title";
import { getCredentialDetail } from "@/lib/inventory/queries";
import { ownershipPermissions } from "@/lib/ownership/permissions";
import { EphemeralCard } from "@/components/credentials/ephemeral-card";
import { ProviderCard } from "@/components/credentials/provider-card";
import { CredentialWorkflowsCard } from "@/components/workflows/credential-workflows-card";
import { allows } from "@/lib/auth/access";
import { withProviderState } from "@/lib/credentials/queries";
import { EntityHistory } from "@/components/audit/entity-history";

type TParams = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  return { title: await entityTitle("credential", (await params).id, "Credential") };
}

export default async function CredentialPage({ params, searchParams }: { params: TParams; searchParams: Promise<{ action?: string | string[] }> }) {
  // ?action=rotate (from a risk factor's fix link or an expiry reminder) opens the rotation request.
  const openRotation = (await searchParams).action === "rotate";
  const { actor, data } = await loadEntityPage((await params).id, withProviderState(withOwnershipOptions(getCredentialDetail, (d) => d.detail)));
  const permissions = ownershipPermissions(actor);
  const { detail, topology, readAt, options, providerState, workflows } = data;
  const owned = { ownerId: detail.owner?.id ?? null, teamId: detail.team?.id ?? null };
  return (
    <CredentialDetailView
      detail={detail}
      topology={topology}
      now={readAt}
      permissions={permissions}
      options={options}
      workflowsPanel={
        workflows ? (
          <CredentialWorkflowsCard
            credential={{ id: detail.id, name: detail.name, status: detail.status }}
            data={workflows}
            rights={{ request: allows(actor, "workflows.request", owned), breakGlass: allows(actor, "workflows.break_glass") }}
            now={readAt}
            openRotation={openRotation}
          />
        ) : null
      }
      providerPanel={
        providerState ? (
          <>
            <ProviderCard
              credentialId={detail.id}
              state={providerState}
              status={detail.status}
              now={readAt}
              canVerify={allows(actor, "credentials.verify", owned)}
            />
            <EphemeralCard credentialId={detail.id} state={providerState.ephemeral} status={detail.status} canChange={allows(actor, "credentials.set_ephemeral", owned)} />
          </>
        ) : null
      }
      historyPanel={<EntityHistory actor={actor} targetType="credential" targetId={detail.id} className="mt-0" />}
      riskPanel={
        <div className="flex flex-col gap-5">
          <RiskFactorsPanel credentialId={detail.id} fixLinks />
          <section aria-labelledby="score-history-heading" className="flex flex-col gap-2 border-t border-border pt-4">
            <h3 id="score-history-heading" className="text-ui font-medium">
              Score history
            </h3>
            <RiskScoreTrend credentialId={detail.id} />
          </section>
        </div>
      }
    />
  );
}
