import { TEAMS } from "@/lib/seed/catalog-org";
import type { TRng } from "@/lib/seed/prng";
import type { TTeamRow, TUserRow } from "@/lib/seed/world-types";

/**
 * Who owns a non-human identity or credential. The orphan shares feed the "orphaned" risk factor;
 * the demo owner gets a fixed slice so "my credentials" is non-empty when signed in as owner@.
 */

export const OWNER_SHARES = { demoOwner: 0.05, active: 0.72, deactivated: 0.1, none: 0.13 } as const;

export type TOwnerDirectory = {
  demoOwner: TUserRow;
  active: TUserRow[];
  deactivated: TUserRow[];
  teamBySlug: Map<string, TTeamRow>;
  teams: TTeamRow[];
  teamWeights: (readonly [TTeamRow, number])[];
};

export function ownerDirectory(users: TUserRow[], teams: TTeamRow[]): TOwnerDirectory {
  const demoOwner = users.find((u) => u.email.startsWith("owner@"));
  if (!demoOwner) throw new Error("the demo owner user must exist before ownership is assigned");
  const teamBySlug = new Map(teams.map((t) => [t.slug, t]));
  const weightOf = new Map(TEAMS.map((t) => [t.slug, t.weight]));
  // Demo logins other than owner@ own nothing: their views should show the org, not "their" items.
  const staff = users.filter((u) => u.passwordHash === null);
  return {
    demoOwner,
    active: staff.filter((u) => u.active),
    deactivated: staff.filter((u) => !u.active),
    teamBySlug,
    teams,
    teamWeights: teams.map((t) => [t, weightOf.get(t.slug) ?? 1] as const),
  };
}

export function pickOwner(rng: TRng, dir: TOwnerDirectory): { ownerId: string | null; teamId: string | null } {
  const which = rng.weighted([
    ["demo", OWNER_SHARES.demoOwner], ["active", OWNER_SHARES.active],
    ["deactivated", OWNER_SHARES.deactivated], ["none", OWNER_SHARES.none],
  ] as const);
  const owner =
    which === "demo" ? dir.demoOwner
    : which === "active" ? rng.pick(dir.active)
    : which === "deactivated" && dir.deactivated.length > 0 ? rng.pick(dir.deactivated)
    : null;
  if (!owner) return { ownerId: null, teamId: rng.chance(0.7) ? rng.weighted(dir.teamWeights).id : null };
  const slug = rng.pick(owner.teamSlugs.length > 0 ? owner.teamSlugs : ["platform"]);
  return { ownerId: owner.id, teamId: rng.chance(0.95) ? (dir.teamBySlug.get(slug)?.id ?? null) : null };
}
