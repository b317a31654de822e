import type { CredentialKind, CredentialSource, Environment, IdentityKind } from "@/lib/generated/prisma/client";
import type { TProviderKey } from "@/lib/seed/catalog-providers";
import { type TCredentialContext, serverNear } from "@/lib/seed/credential-context";
import { fakeExternalId, fakeSecret, fingerprintOf, hintOf } from "@/lib/seed/fake-secrets";
import { pickLifecycle, type TLifecycle } from "@/lib/seed/lifecycle";
import { pickOwner } from "@/lib/seed/owners";
import type { TRng } from "@/lib/seed/prng";
import { pickScopes } from "@/lib/seed/scopes";
import { between, DAY, HOUR, MINUTE } from "@/lib/seed/time";
import { uuidV7 } from "@/lib/seed/uuid-v7";
import type { TCredentialRow, TIdentityRow, TMcpServerRow, TProviderRow } from "@/lib/seed/world-types";

/**
 * One credential and the route it travels. Routes make the topology:
 * - provider: holder → provider API (most service accounts, bots, agents with a direct key);
 * - server: holder → MCP server with an SSO token minted for that server (the correct pattern);
 * - passthrough: holder → MCP server with a provider token the server forwards upstream (the bad one);
 * - server-held: an MCP server's own credential toward its upstream provider.
 */

export type TRoute =
  | { kind: "provider" }
  | { kind: "server"; server: TMcpServerRow }
  | { kind: "passthrough"; server: TMcpServerRow }
  | { kind: "server-held"; server: TMcpServerRow };

export type TCredentialPlan = {
  row: TCredentialRow;
  provider: TProviderRow;
  holder: TIdentityRow;
  route: TRoute;
  /** Further holders of the very same credential (the "shared" risk factor). */
  sharedWith: TIdentityRow[];
  /** Signals this credential must show whatever the dice say (showcase credentials). */
  force?: TForced;
};

export type TForced = { crossEnv?: boolean; humanUse?: boolean; exposed?: boolean };

export const SHARED_SHARE = 0.03;
/** Of agent / MCP-client credentials for a provider some MCP server fronts, the share forwarded. */
export const PASSTHROUGH_SHARE = 0.02;
export const FINGERPRINT_BY_SOURCE: Record<CredentialSource, number> = { sync: 0.57, scan: 1, ingest: 1, manual: 0.75 };

/** Of used credentials, the share whose exercised scopes a connector or gateway has reported. */
export const USED_SCOPES_OBSERVED = 0.6;
const BROAD_SCOPE = /(^|[:._])(admin|write|manage|delete|\*)|^\*$|ALL PRIVILEGES|:\*$/i;

/** What is actually exercised: mostly the narrow scopes, rarely the admin/write ones. */
function observedScopes(rng: TRng, scopes: readonly string[]): string[] {
  const used = scopes.filter((s) => rng.chance(BROAD_SCOPE.test(s) ? 0.2 : 0.7));
  return used.length > 0 ? used : scopes.slice(0, 1);
}

type THolderKind = Exclude<IdentityKind, "mcp_server">;
const PROVIDER_MIX: Record<THolderKind, readonly (readonly [TProviderKey | "aws", number])[]> = {
  service_account: [["aws", 11], ["orders_db", 18], ["github", 20], ["oauth", 10], ["stripe", 6], ["openai", 5], ["slack", 6]],
  agent: [["github", 28], ["atlassian", 16], ["oauth", 26], ["openai", 14], ["slack", 10], ["stripe", 6]],
  mcp_client: [["oauth", 55], ["github", 22], ["atlassian", 8], ["slack", 5], ["openai", 10]],
  app: [["oauth", 40], ["github", 30], ["slack", 15], ["atlassian", 15]],
  bot: [["slack", 60], ["github", 20], ["atlassian", 20]],
};
const ENVIRONMENTS: readonly Environment[] = ["prod", "staging", "dev"];

function pickProvider(rng: TRng, ctx: TCredentialContext, holder: TIdentityRow): TProviderRow {
  if (holder.kind === "mcp_server") {
    const upstream = holder.mcpServer?.upstream;
    return upstream && rng.chance(0.85) ? upstream : ctx.provider("oauth");
  }
  if (holder.providerId && rng.chance(0.3)) {
    const own = ctx.org.providers.find((p) => p.id === holder.providerId);
    if (own) return own;
  }
  const key = rng.weighted(PROVIDER_MIX[holder.kind]);
  if (key !== "aws") return ctx.provider(key);
  return ctx.provider(holder.environment === "prod" || rng.chance(0.1) ? "aws_prod" : "aws_sandbox");
}

function pickRoute(rng: TRng, ctx: TCredentialContext, holder: TIdentityRow, provider: TProviderRow, kind: CredentialKind): TRoute {
  if (holder.kind === "mcp_server" && holder.mcpServer && provider.id === holder.mcpServer.upstream?.id) {
    return { kind: "server-held", server: holder.mcpServer };
  }
  const interactive = holder.kind === "agent" || holder.kind === "mcp_client";
  if (provider.spec.key === "oauth" && (kind === "oauth_access_token" || kind === "oauth_refresh_token") && (interactive || holder.kind === "app") && rng.chance(0.75)) {
    const server = serverNear(rng, ctx.oauthServers, holder.environment);
    if (server) return { kind: "server", server };
  }
  const fronting = ctx.serversByUpstream.get(provider.id);
  if (interactive && fronting && rng.chance(PASSTHROUGH_SHARE)) {
    const server = serverNear(rng, fronting, holder.environment);
    if (server) return { kind: "passthrough", server };
  }
  return { kind: "provider" };
}

function audiencesFor(rng: TRng, ctx: TCredentialContext, provider: TProviderRow, route: TRoute): string[] {
  if (route.kind === "server" && route.server.resourceUri) {
    if (rng.chance(0.15)) return [];
    const extra = rng.chance(0.05) ? serverNear(rng, ctx.oauthServers, route.server.environment)?.resourceUri : undefined;
    return [...new Set([route.server.resourceUri, ...(extra ? [extra] : [])])];
  }
  // AWS keys carry no audience at all; elsewhere a minority is bound to the provider's API.
  if (provider.spec.type === "aws_iam") return [];
  return rng.chance(provider.spec.key === "oauth" ? 0.5 : 0.4) ? [provider.spec.apiUrl] : [];
}

export type TCredentialOverrides = {
  holder?: TIdentityRow; provider?: TProviderRow; kind?: CredentialKind; lifecycle?: TLifecycle; route?: TRoute; force?: TForced;
};

export function planCredential(rng: TRng, ctx: TCredentialContext, serial: number, overrides: TCredentialOverrides = {}): TCredentialPlan {
  const now = ctx.org.now;
  const holder = overrides.holder ?? ctx.pickHolder(rng);
  const provider = overrides.provider ?? pickProvider(rng, ctx, holder);
  const kind = overrides.kind ?? (holder.kind === "mcp_server" && provider.spec.key === "oauth" ? "client_secret" : rng.weighted(provider.spec.kinds));
  const route = overrides.route ?? pickRoute(rng, ctx, holder, provider, kind);
  const life = overrides.lifecycle ?? pickLifecycle(rng, now, provider.spec.key, kind);
  const scopes = pickScopes(provider.spec.key, kind, rng);

  const source = overrides.lifecycle ? "sync" : rng.weighted<CredentialSource>([["sync", 72], ["scan", 10], ["ingest", 12], ["manual", 6]]);
  let externalId = source === "scan" || (source !== "sync" && rng.chance(0.5)) ? null : fakeExternalId(provider.spec.key, kind, serial, rng);
  // A credential must be matchable somehow: by the provider's id for it, or by its fingerprint.
  const fingerprinted = externalId === null || overrides.lifecycle !== undefined || rng.chance(FINGERPRINT_BY_SOURCE[source]);
  const secret = fingerprinted ? fakeSecret(provider.spec.key, kind, scopes, rng) : null;
  if (externalId === null && source === "sync") externalId = fakeExternalId(provider.spec.key, kind, serial, rng);

  // Mostly the holder's owner (for an MCP client, the person at the keyboard); otherwise whoever asked for it.
  const { ownerId, teamId } = rng.chance(0.85) ? { ownerId: holder.ownerId, teamId: holder.teamId } : pickOwner(rng, ctx.owners);
  // Rarely a credential is labelled for another environment than its holder runs in.
  const environment = route.kind === "server-held" || rng.chance(0.995) ? holder.environment : rng.pick(ENVIRONMENTS);

  // Tokenward was installed 200 days ago: older credentials were imported by the first sync.
  const installedAt = now - 200 * DAY;
  const seenFrom = Math.max(life.issuedAt, installedAt);
  const createdAt = Math.min(now, source === "sync" ? seenFrom + between(rng, MINUTE, 2 * HOUR) : between(rng, seenFrom, Math.max(seenFrom, life.lastUsedAt ?? now)));

  const row: TCredentialRow = {
    id: uuidV7(createdAt, rng),
    name: route.kind === "server" ? `${holder.name} → ${route.server.name}` : `${holder.name} (${provider.spec.short})`,
    kind, providerId: provider.id, externalId,
    fingerprint: secret ? fingerprintOf(secret) : null,
    hint: secret ? hintOf(secret) : null,
    scopes, audiences: audiencesFor(rng, ctx, provider, route), environment,
    ...life, source, identityId: holder.id, ownerId, teamId, createdAt,
    updatedAt: Math.min(now, Math.max(createdAt, life.lastRotatedAt ?? 0)),
    usedScopes: life.lastUsedAt !== null && rng.chance(USED_SCOPES_OBSERVED) ? observedScopes(rng, scopes) : [],
    // Set from the chunk's exposures and bindings once those exist (chunk-pipeline.ts).
    exposureCount: 0, consumerCount: 0,
  };
  return { row, provider, holder, route, sharedWith: rng.chance(SHARED_SHARE) ? pickSharers(rng, ctx, holder) : [], force: overrides.force };
}

/** 2–4 further holders, mostly from the holder's own environment (sharing), some from others (cross-env). */
function pickSharers(rng: TRng, ctx: TCredentialContext, holder: TIdentityRow): TIdentityRow[] {
  const same = ctx.sharersByEnv.get(holder.environment) ?? [];
  const picked = new Map<string, TIdentityRow>();
  const wanted = rng.int(2, 4);
  for (let attempt = 0; attempt < wanted * 3 && picked.size < wanted; attempt++) {
    const pool = same.length > 0 && rng.chance(0.7) ? same : ctx.sharers;
    if (pool.length === 0) break;
    const s = rng.pick(pool);
    if (s.id !== holder.id) picked.set(s.id, s);
  }
  return [...picked.values()];
}

