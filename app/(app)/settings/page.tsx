import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { listTeams } from "@/lib/teams/queries";
import { AccountCard } from "@/components/settings/account-card";
import { SettingsHeader } from "@/components/settings/settings-header";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requireActor();
  const teams = await listTeams(actor);
  const myTeams = teams.filter((team) => actor.teamIds.includes(team.id)).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <SettingsHeader role={actor.role} />
      <AccountCard actor={actor} teams={myTeams} />
    </>
  );
}
