import { Plus, Unplug } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ProvidersTable } from "@/components/providers/providers-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listProviders } from "@/lib/providers/queries";

export const metadata: Metadata = { title: "Providers" };
// Sync status and "last sync" change while the page is open elsewhere.
export const dynamic = "force-dynamic";

export default async function ProvidersPage() {
  const actor = await requireActor();
  const { providers, readAt } = await listProviders(await db());
  const canManage = allows(actor, "connectors.manage");
  const failing = providers.filter((p) => p.enabled && p.syncStatus === "error").length;
  return (
    <>
      <PageHeader
        title="Providers"
        description="The systems that issue credentials. Connected providers are read by their connector: sync lists what they issued, verify asks whether a credential is still active."
        actions={
          canManage ? (
            <Button asChild>
              <Link href="/providers/new" data-testid="provider-add">
                <Plus aria-hidden />
                Add provider
              </Link>
            </Button>
          ) : null
        }
      />
      {failing > 0 ? (
        <p className="mb-3 text-ui font-medium text-danger" data-testid="providers-failing">
          {failing} provider{failing === 1 ? "'s" : "s'"} last sync failed.
        </p>
      ) : null}
      {providers.length ? (
        <ProvidersTable providers={providers} now={readAt} />
      ) : (
        <EmptyState icon={Unplug} title="No providers yet" description={canManage ? "Add one to start reading credentials from the systems that issue them." : "An admin adds providers."} />
      )}
    </>
  );
}
