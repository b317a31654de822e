import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { listTeams } from "@/lib/teams/queries";
import { listUsers } from "@/lib/users/queries";
import { CreateTeamForm } from "@/components/settings/create-team-form";
import { SettingsHeader } from "@/components/settings/settings-header";
import { TeamCard } from "@/components/settings/team-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsSettingsPage() {
  const actor = await requireActor();
  const canManage = allows(actor, "teams.manage");
  const [teams, users] = await Promise.all([
    listTeams(actor),
    // Member pickers need the user list, which only roles with users.read may load.
    canManage && allows(actor, "users.read") ? listUsers() : Promise.resolve([]),
  ]);
  const candidates = users.filter((u) => u.active).map(({ id, name, email }) => ({ id, name, email }));

  return (
    <>
      <SettingsHeader role={actor.role} />
      <div className="flex flex-col gap-6">
        {canManage ? (
          <Card>
            <CardHeader>
              <CardTitle>New team</CardTitle>
              <CardDescription>Teams own credentials together: any member can act on what the team owns.</CardDescription>
            </CardHeader>
            <CardContent>
              <CreateTeamForm />
            </CardContent>
          </Card>
        ) : null}
        <section aria-labelledby="teams-heading">
          <h2 id="teams-heading" className="mb-3 text-sm font-semibold">
            Teams <span className="font-normal text-muted-foreground tabular-nums">· {teams.length}</span>
          </h2>
          {teams.length ? (
            <ul className="grid gap-4 md:grid-cols-2">
              {teams.map((team) => (
                <TeamCard key={team.id} team={team} canManage={canManage} candidates={candidates} />
              ))}
            </ul>
          ) : (
            <EmptyState
              icon={UsersRound}
              headingLevel={3}
              title="No teams yet"
              description={canManage ? "Create the first team above, then add its members." : "An admin creates teams and adds their members."}
            />
          )}
        </section>
      </div>
    </>
  );
}
