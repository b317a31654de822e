import type { TRole } from "@/lib/auth/permissions";
import { RoleBadge } from "@/components/shell/role-badge";
import { UserActiveControl } from "@/components/settings/user-active-control";
import { UserRoleControl } from "@/components/settings/user-role-control";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export type TUserRowView = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  active: boolean;
  lastSignInAt: string | null;
  teams: { id: string; name: string }[];
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

function LastSignIn({ at }: { at: string | null }) {
  if (!at) return <span className="text-muted-foreground">Never</span>;
  return (
    <time dateTime={at} title={at} className="tabular-nums">
      {dateFormat.format(new Date(at))}
    </time>
  );
}

/** Managers get controls on every row but their own: the server refuses self-demotion anyway. */
export function UsersTable({ users, currentUserId, canManage }: { users: TUserRowView[]; currentUserId: string; canManage: boolean }) {
  return (
    <Table label="Users" data-testid="users-table">
      <THead>
        <tr>
          <TH>User</TH>
          <TH>Role</TH>
          <TH>Teams</TH>
          <TH>Last sign-in</TH>
          <TH>Status</TH>
          {canManage ? (
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </tr>
      </THead>
      <TBody>
        {users.map((user) => {
          const isSelf = user.id === currentUserId;
          const editable = canManage && !isSelf;
          return (
            <TR key={user.id} data-testid={`user-row-${user.email}`} className={cn(!user.active && "bg-surface-sunken/60")}>
              <TD className="min-w-48">
                <div className="flex items-center gap-2">
                  <span className={cn("font-medium", !user.active && "text-muted-foreground")}>{user.name}</span>
                  {isSelf ? <Badge tone="outline">You</Badge> : null}
                </div>
                <span className="text-xs text-muted-foreground">{user.email}</span>
              </TD>
              <TD className="whitespace-nowrap">
                {editable ? <UserRoleControl userId={user.id} email={user.email} name={user.name} role={user.role} /> : <RoleBadge role={user.role} />}
              </TD>
              <TD>
                <div className="flex max-w-56 flex-wrap gap-1">
                  {user.teams.length ? user.teams.map((team) => <Badge key={team.id}>{team.name}</Badge>) : <span className="text-muted-foreground">—</span>}
                </div>
              </TD>
              <TD className="whitespace-nowrap">
                <LastSignIn at={user.lastSignInAt} />
              </TD>
              <TD className="whitespace-nowrap" data-testid={`user-status-${user.email}`}>
                {user.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>}
              </TD>
              {canManage ? (
                <TD className="text-right whitespace-nowrap">
                  {editable ? <UserActiveControl userId={user.id} email={user.email} name={user.name} active={user.active} /> : null}
                </TD>
              ) : null}
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
