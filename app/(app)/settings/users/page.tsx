import { Lock } from "lucide-react";
import type { Metadata } from "next";
import { allows } from "@/lib/auth/access";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { SettingsHeader } from "@/components/settings/settings-header";
import { UsersTable } from "@/components/settings/users-table";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Users" };

export default async function UsersSettingsPage() {
  const actor = await requireActor();
  if (!allows(actor, "users.read")) {
    return (
      <>
        <SettingsHeader role={actor.role} />
        <EmptyState
          icon={Lock}
          title="Users are not visible to your role"
          description={`The ${ROLE_LABELS[actor.role].label} role cannot view the user list. Ask an admin if you need access.`}
        />
      </>
    );
  }
  const users = await listUsers();
  const canManage = allows(actor, "users.manage");
  const active = users.filter((u) => u.active).length;
  return (
    <>
      <SettingsHeader role={actor.role} />
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">
          People <span className="font-normal text-muted-foreground tabular-nums">· {active} active of {users.length}</span>
        </h2>
        {!canManage ? <p className="text-ui text-muted-foreground">Read-only: only admins change roles or deactivate users.</p> : null}
      </div>
      <UsersTable users={users} currentUserId={actor.id} canManage={canManage} />
    </>
  );
}
