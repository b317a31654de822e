import type { TActor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { RoleBadge } from "@/components/shell/role-badge";
import { RolePermissions } from "@/components/settings/role-permissions";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export function AccountCard({ actor, teams }: { actor: TActor; teams: { id: string; name: string }[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
      <Card>
        <CardHeader>
          <CardTitle>Your account</CardTitle>
          <CardDescription>Managed by your identity provider or an admin.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-4 gap-y-3 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd className="truncate font-medium">{actor.name}</dd>
            <dt className="text-muted-foreground">E-mail</dt>
            <dd className="truncate">{actor.email}</dd>
            <dt className="text-muted-foreground">Role</dt>
            <dd>
              <RoleBadge role={actor.role} />
            </dd>
            <dt className="text-muted-foreground">Teams</dt>
            <dd className="flex flex-wrap gap-1">
              {teams.length ? teams.map((team) => <Badge key={team.id}>{team.name}</Badge>) : <span className="text-muted-foreground">None</span>}
            </dd>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>What the {ROLE_LABELS[actor.role].label} role can do</CardTitle>
          <CardDescription>{ROLE_LABELS[actor.role].description} The server enforces every one of these.</CardDescription>
        </CardHeader>
        <CardContent>
          <RolePermissions role={actor.role} />
        </CardContent>
      </Card>
    </div>
  );
}
