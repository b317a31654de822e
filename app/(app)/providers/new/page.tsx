import { Lock } from "lucide-react";
import type { Metadata } from "next";
import { ProviderForm } from "@/components/providers/provider-form";
import { EntityHeader } from "@/components/detail/entity-header";
import { EmptyState } from "@/components/ui/empty-state";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { connectorCatalogue } from "@/lib/providers/queries";

export const metadata: Metadata = { title: "Add provider" };

export default async function NewProviderPage() {
  const actor = await requireActor();
  return (
    <>
      <EntityHeader back={{ href: "/providers", label: "Providers" }} title="Add provider" subtitle="The connection is tested before anything is saved." />
      {allows(actor, "connectors.manage") ? (
        <ProviderForm catalogue={connectorCatalogue()} />
      ) : (
        <EmptyState icon={Lock} title="Providers are managed by admins" description="Your role can see providers and their sync history, but not add or change them." />
      )}
    </>
  );
}
