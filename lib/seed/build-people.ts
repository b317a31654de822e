import type { Role } from "@/lib/generated/prisma/client";
import { DEMO_USERS, EMAIL_DOMAIN, FIRST_NAMES, LAST_NAMES, TEAMS } from "@/lib/seed/catalog-org";
import type { TRng } from "@/lib/seed/prng";
import { between, DAY, recentBetween } from "@/lib/seed/time";
import { uuidV7 } from "@/lib/seed/uuid-v7";
import type { TMembershipRow, TTeamRow, TUserRow } from "@/lib/seed/world-types";

/** Users (demo logins first), teams and memberships. */

export const DEACTIVATED_SHARE = 0.08;

/** 40 people for a tiny inventory, one more per 100 credentials, at most 200: an org, not a census. */
export function extraUserCount(credentials: number): number {
  return Math.min(200, Math.max(40, Math.round(40 + credentials / 100)));
}

function slugName(name: string): string {
  return name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]+/g, "");
}

export function buildPeople(rng: TRng, now: number, credentials: number, demoPasswordHashes: readonly string[]) {
  const teams: TTeamRow[] = TEAMS.map((t) => {
    const createdAt = between(rng, now - 3 * 365 * DAY, now - 400 * DAY);
    return { id: uuidV7(createdAt, rng), slug: t.slug, name: t.name, createdAt };
  });
  const teamBySlug = new Map(teams.map((t) => [t.slug, t]));
  const users: TUserRow[] = [];

  DEMO_USERS.forEach((demo, i) => {
    const createdAt = now - 200 * DAY + i * 60_000;
    users.push({
      id: uuidV7(createdAt, rng), email: demo.email, name: demo.name, role: demo.role, active: true, deactivatedAt: null,
      passwordHash: demoPasswordHashes[i] ?? null, oidcSubject: null, lastSignInAt: null, createdAt, teamSlugs: [...demo.teams],
    });
  });

  const emails = new Set(users.map((u) => u.email));
  const teamWeights = TEAMS.map((t) => [t.slug, t.weight] as const);
  for (let i = 0; i < extraUserCount(credentials); i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email = `${slugName(first)}.${slugName(last)}@${EMAIL_DOMAIN}`;
    for (let n = 2; emails.has(email); n++) email = `${slugName(first)}.${slugName(last)}${n}@${EMAIL_DOMAIN}`;
    emails.add(email);
    const role = rng.weighted<Role>([["owner", 88], ["security", 5], ["admin", 3], ["auditor", 4]]);
    const createdAt = between(rng, now - 3 * 365 * DAY, now - 5 * DAY);
    const active = !rng.chance(DEACTIVATED_SHARE);
    const primary = rng.weighted(teamWeights);
    const teamSlugs = rng.chance(0.2) ? [...new Set([primary, rng.weighted(teamWeights)])] : [primary];
    users.push({
      id: uuidV7(createdAt, rng), email, name: `${first} ${last}`, role, active,
      deactivatedAt: active ? null : between(rng, Math.min(createdAt + 30 * DAY, now - 2 * DAY), now - DAY),
      passwordHash: null,
      // Staff sign in through the company IdP; Tokenward keeps the issuer|sub it last saw.
      oidcSubject: rng.chance(0.85) ? `https://sso.acme.example|${rng.hex(24)}` : null,
      lastSignInAt: active && rng.chance(0.85) ? recentBetween(rng, now - 60 * DAY, now - 60_000) : null,
      createdAt, teamSlugs,
    });
  }

  const memberships: TMembershipRow[] = [];
  for (const user of users) {
    for (const slug of user.teamSlugs) {
      const team = teamBySlug.get(slug);
      if (team) memberships.push({ teamId: team.id, userId: user.id, createdAt: Math.max(user.createdAt, team.createdAt) });
    }
  }
  return { users, teams, memberships };
}
