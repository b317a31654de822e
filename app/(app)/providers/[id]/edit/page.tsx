import { Lock } from "lucide-react";
import type { Metadata } from "next";
import { ProviderForm } from "@/components/providers/provider-form";
import { EntityHeader } from "@/components/detail/entity-header";
import { EmptyState } from "@/components/ui/empty-state";
import { allows } from "@/lib/auth/access";
import { entityTitle, loadEntityPage } from "@/lib/inventory/entity-title";
import { connectorCatalogue, getProviderDetail } from "@/lib/providers/queries";

type TParams = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  return { title: `Edit ${await entityTitle("provider", (await params).id, "provider")}` };
}

export default async function EditProviderPage({ params }: { params: TParams }) {
  const { actor, data } = await loadEntityPage((await params).id, getProviderDetail);
  const { provider } = data;
  const back = { href: `/providers/${provider.id}`, label: provider.name };
  if (!allows(actor, "connectors.manage")) {
    return (
      <>
        <EntityHeader back={back} title={`Edit ${provider.name}`} />
        <EmptyState icon={Lock} title="Providers are managed by admins" description="Your role can see this provider and its sync history, but not change it." />
      </>
    );
  }
  return (
    <>
      <EntityHeader back={back} title={`Edit ${provider.name}`} subtitle={`${provider.typeLabel}. The connection is tested again before the change is saved.`} />
      {provider.connected ? (
        <ProviderForm catalogue={connectorCatalogue()} provider={provider} />
      ) : (
        <EmptyState icon={Lock} title="No connector for this type" description={`${provider.typeLabel}: it can be disabled, but not edited or tested here.`} />
      )}
    </>
  );
}
