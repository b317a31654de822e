import type { Environment, IdentityKind } from "@/lib/generated/prisma/client";
import { HOST_PREFIXES, VENDORS } from "@/lib/seed/catalog-org";
import { IDENTITY_STEMS, MCP_CLIENT_APPS, USER_AGENTS } from "@/lib/seed/catalog-identities";
import { pickOwner, type TOwnerDirectory } from "@/lib/seed/owners";
import type { TRng } from "@/lib/seed/prng";
import { between, DAY, recentBetween } from "@/lib/seed/time";
import { uuidV7 } from "@/lib/seed/uuid-v7";
import type { TIdentityRow, TProviderRow } from "@/lib/seed/world-types";

/** Non-human identities other than MCP servers (those come with their server, see build-infra). */

type TOtherKind = Exclude<IdentityKind, "mcp_server">;

const KIND_WEIGHTS: readonly (readonly [TOtherKind, number])[] = [
  ["service_account", 30], ["agent", 25], ["mcp_client", 20], ["app", 13], ["bot", 12],
];
/** Relative number of credentials an identity of the kind holds. */
const KIND_LOAD: Record<TOtherKind, number> = { service_account: 1.4, agent: 1.2, mcp_client: 0.6, app: 1, bot: 0.6 };

/** ~1 identity per 12 credentials, between 40 and 50,000. */
export function identityCount(credentials: number): number {
  return Math.min(50_000, Math.max(40, Math.round(30 + credentials / 12)));
}

function environmentFor(rng: TRng, kind: TOtherKind): Environment {
  // MCP clients run on developer machines; everything else is mostly production.
  return kind === "mcp_client"
    ? rng.weighted<Environment>([["dev", 85], ["staging", 10], ["prod", 5]])
    : rng.weighted<Environment>([["prod", 55], ["staging", 25], ["dev", 20]]);
}

export function buildIdentities(rng: TRng, now: number, credentials: number, providers: TProviderRow[], owners: TOwnerDirectory): TIdentityRow[] {
  const provider = (key: string) => providers.find((p) => p.spec.key === key)?.id ?? null;
  const names = new Set<string>();
  const perKind = new Map<TOtherKind, number>();
  const unique = (base: string) => {
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
    names.add(name);
    return name;
  };
  const identities: TIdentityRow[] = [];

  for (let i = 0; i < identityCount(credentials); i++) {
    const kind = rng.weighted(KIND_WEIGHTS);
    const nth = perKind.get(kind) ?? 0;
    perKind.set(kind, nth + 1);
    const environment = environmentFor(rng, kind);
    const createdAt = between(rng, now - 2 * 365 * DAY, now - 2 * DAY);
    let { ownerId, teamId } = pickOwner(rng, owners);
    let name: string;
    let description: string | null = null;
    let userAgent = rng.pick(USER_AGENTS[kind]);
    let vendor: string | null = null;
    let providerId: string | null = null;
    let externalId: string | null = null;

    if (kind === "mcp_client") {
      // A desktop client belongs to the person at the keyboard, who may since have left.
      const human = rng.chance(0.88) ? rng.pick(owners.active) : rng.chance(0.8) && owners.deactivated.length > 0 ? rng.pick(owners.deactivated) : null;
      ownerId = human?.id ?? null;
      teamId = human ? (owners.teamBySlug.get(human.teamSlugs[0] ?? "platform")?.id ?? null) : null;
      const client = rng.pick(MCP_CLIENT_APPS);
      const person = (human?.email ?? `unknown${i}@`).split(/[.@]/)[0];
      name = unique(`${client.app} on ${rng.pick(HOST_PREFIXES)}-${person}`);
      description = `${client.app} MCP client`;
      userAgent = client.userAgent;
    } else {
      const stems = IDENTITY_STEMS[kind];
      const stem = stems[nth % stems.length] ?? kind;
      const team = owners.teams.find((t) => t.id === teamId)?.slug ?? "shared";
      vendor = (kind === "app" && rng.chance(0.3)) || (kind === "service_account" && rng.chance(0.05)) ? rng.pick(VENDORS) : null;
      name = unique(vendor ? `${vendor.toLowerCase().replace(/\s+/g, "-")}-integration` : nth < stems.length ? stem : `${team}-${stem}`);
      if (vendor) description = `Integration operated by ${vendor}`;
      if (kind === "service_account" && rng.chance(0.55)) {
        const aws = rng.chance(0.75);
        providerId = aws ? provider(environment === "prod" ? "aws_prod" : "aws_sandbox") : provider("github");
        externalId = aws ? name : `${name}-bot`;
      } else if (kind === "app" && rng.chance(0.8)) {
        const github = rng.chance(0.4);
        providerId = provider(github ? "github" : "oauth");
        externalId = github ? String(300_000 + i) : `client_${rng.hex(16)}`;
      } else if (kind === "bot" && rng.chance(0.6)) {
        providerId = provider("slack");
        externalId = `U0${rng.chars(9, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}`;
      }
    }

    const seen = rng.next();
    identities.push({
      id: uuidV7(createdAt, rng), kind, name, description, environment, providerId, externalId, ownerId, teamId,
      thirdPartyVendor: vendor,
      lastSeenAt: seen < 0.85 ? recentBetween(rng, now - 14 * DAY, now) : seen < 0.95 ? between(rng, createdAt, now - 15 * DAY) : null,
      createdAt,
      // Heavy tail: a few identities (the CI deployer, the main release agent) hold many credentials.
      weight: KIND_LOAD[kind] * (0.2 + (-Math.log(1 - rng.next())) ** 2),
      userAgent,
    });
  }
  return identities;
}
