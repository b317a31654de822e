import { Users } from "lucide-react";
import { AddTeamMember, RemoveTeamMember } from "@/components/settings/team-member-controls";
import { Badge } from "@/components/ui/badge";

export type TTeamView = { id: string; slug: string; name: string; members: { id: string; name: string; email?: string }[] };

export function TeamCard({
  team,
  canManage,
  candidates,
}: {
  team: TTeamView;
  canManage: boolean;
  candidates: { id: string; name: string; email: string }[];
}) {
  const memberIds = new Set(team.members.map((m) => m.id));
  return (
    <li className="rounded-lg border border-border bg-surface shadow-xs" data-testid={`team-card-${team.slug}`}>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-3">
        <div className="min-w-0">
          <h3 className="truncate text-sm font-semibold">{team.name}</h3>
          <p className="font-mono text-xs text-muted-foreground">{team.slug}</p>
        </div>
        <Badge>
          <Users aria-hidden />
          {team.members.length} {team.members.length === 1 ? "member" : "members"}
        </Badge>
      </div>
      {team.members.length ? (
        <ul className="divide-y divide-border" aria-label={`Members of ${team.name}`}>
          {team.members.map((member) => (
            <li key={member.id} className="flex items-center justify-between gap-3 px-4 py-2" data-testid={`team-member-${team.slug}-${member.email ?? member.id}`}>
              <div className="min-w-0">
                <p className="truncate text-ui font-medium">{member.name}</p>
                {member.email ? <p className="truncate text-xs text-muted-foreground">{member.email}</p> : null}
              </div>
              {canManage ? <RemoveTeamMember teamId={team.id} teamSlug={team.slug} teamName={team.name} user={{ ...member, email: member.email ?? member.name }} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-4 py-3 text-ui text-muted-foreground">No members yet.</p>
      )}
      {canManage ? (
        <div className="rounded-b-lg border-t border-border bg-surface-sunken px-4 py-3">
          <AddTeamMember
            teamId={team.id}
            teamSlug={team.slug}
            teamName={team.name}
            candidates={candidates.filter((c) => !memberIds.has(c.id))}
          />
        </div>
      ) : null}
    </li>
  );
}
