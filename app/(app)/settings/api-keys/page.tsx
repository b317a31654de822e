import { KeyRound, Lock } from "lucide-react";
import type { Metadata } from "next";
import { listApiKeys } from "@/lib/api-keys/queries";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { SettingsHeader } from "@/components/settings/settings-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "API keys" };
// Status and "expires in" are computed against now, and the list changes here.
export const dynamic = "force-dynamic";

export default async function ApiKeysSettingsPage() {
  const actor = await requireActor();
  if (!can(actor.role, "api_keys.manage")) {
    return (
      <>
        <SettingsHeader role={actor.role} />
        <EmptyState
          icon={Lock}
          title="API keys are managed by admins"
          description={`The ${ROLE_LABELS[actor.role].label} role cannot view or create API keys. Ask an admin if a machine needs access.`}
        />
      </>
    );
  }
  const { items, capped, readAt } = await listApiKeys(await db(), actor);
  const active = items.filter((k) => k.status === "active").length;
  return (
    <>
      <SettingsHeader role={actor.role} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold">
            API keys <span className="font-normal text-muted-foreground tabular-nums">· {active} active of {items.length}</span>
          </h2>
          <p className="text-ui text-muted-foreground">
            Machines call the API with <span className="font-mono">Authorization: Bearer twk_…</span>; each key acts for its creator, cut to its scopes.
          </p>
        </div>
        <CreateApiKeyDialog />
      </div>
      {items.length ? (
        <ApiKeysTable keys={items} now={readAt} />
      ) : (
        <EmptyState icon={KeyRound} title="No API keys yet" description="Create one for each machine that reads Tokenward: a CI job, an export, a SIEM." />
      )}
      {capped ? <p className="mt-2 text-xs text-muted-foreground">Showing the newest {items.length} keys.</p> : null}
    </>
  );
}
