import type { Environment, ProbeResult } from "@/lib/generated/prisma/client";
import { MCP_HOST, MCP_SERVERS, type TMcpServerSpec } from "@/lib/seed/catalog-mcp";
import { PROVIDERS, type TProviderKey } from "@/lib/seed/catalog-providers";
import { USER_AGENTS } from "@/lib/seed/catalog-identities";
import { pickOwner, type TOwnerDirectory } from "@/lib/seed/owners";
import type { TRng } from "@/lib/seed/prng";
import { between, DAY, HOUR, MINUTE, recentBetween } from "@/lib/seed/time";
import { uuidV7 } from "@/lib/seed/uuid-v7";
import type { TIdentityRow, TMcpServerRow, TProviderRow } from "@/lib/seed/world-types";

/** Providers and MCP servers: the fixed infrastructure credentials are issued by and presented to. */

export function buildProviders(rng: TRng, now: number): TProviderRow[] {
  return PROVIDERS.map((spec, i) => {
    const createdAt = now - 200 * DAY + HOUR + i * 10 * MINUTE;
    const id = uuidV7(createdAt, rng);
    // Seeded providers hold no connector settings or secret, so Tokenward never synced them and says
    // so. The draw that used to invent a last sync stays, so the rest of a seed is unchanged.
    recentBetween(rng, now - 6 * HOUR, now - MINUTE);
    return { id, spec, createdAt, syncStatus: "never", lastSyncAt: null, lastSyncError: null };
  });
}

/** Staging and dev copies of the remote servers appear as the inventory grows. */
function serverEnvironments(credentials: number): Environment[] {
  if (credentials >= 50_000) return ["prod", "staging", "dev"];
  if (credentials >= 5_000) return ["prod", "staging"];
  return ["prod"];
}

function probe(rng: TRng, spec: TMcpServerSpec, uri: string): { result: ProbeResult; detail: string | null } {
  if (spec.authMode === "none") return { result: "unknown", detail: null };
  if (spec.authMode === "static_token") {
    return rng.chance(0.5)
      ? { result: "fail", detail: `no RFC 9728 metadata at ${uri}/.well-known/oauth-protected-resource; a static token is accepted without an audience check` }
      : { result: "unknown", detail: null };
  }
  const result = rng.weighted<ProbeResult>([["pass", 60], ["fail", 30], ["error", 10]]);
  const detail =
    result === "pass" ? "token for audience https://probe.tokenward.invalid rejected with 401"
    : result === "fail" ? "token for audience https://probe.tokenward.invalid accepted (200): audience not validated"
    : "authorization server https://auth.acme.example timed out after 10 s";
  return { result, detail };
}

export function buildMcpServers(rng: TRng, now: number, credentials: number, providers: TProviderRow[], owners: TOwnerDirectory) {
  const providerFor = (key: TProviderKey | undefined, env: Environment) => {
    // Non-prod servers reach the sandbox AWS account, never prod.
    const k = key === "aws_prod" && env !== "prod" ? "aws_sandbox" : key;
    return providers.find((p) => p.spec.key === k) ?? null;
  };
  const servers: TMcpServerRow[] = [];
  const identities: TIdentityRow[] = [];
  for (const environment of serverEnvironments(credentials)) {
    for (const spec of MCP_SERVERS) {
      // A stdio server is a local process: one entry, on developer machines.
      if (spec.transport === "stdio" && environment !== "prod") continue;
      const local = spec.transport === "stdio";
      const env: Environment = local ? "dev" : environment;
      const name = environment === "prod" ? spec.name : `${spec.name}-${environment}`;
      const resourceUri = local ? null : `${MCP_HOST[environment]}${spec.path}`;
      const createdAt = between(rng, now - 190 * DAY, now - 20 * DAY);
      const { ownerId, teamId } = rng.chance(0.85)
        ? { ownerId: rng.pick(owners.active).id, teamId: owners.teamBySlug.get(spec.team)?.id ?? null }
        : pickOwner(rng, owners);
      const probed = resourceUri ? probe(rng, spec, resourceUri) : { result: "unknown" as const, detail: null };
      const server: TMcpServerRow = {
        id: uuidV7(createdAt, rng), name, resourceUri, command: spec.command ?? null, transport: spec.transport,
        authMode: spec.authMode, environment: env,
        protectedResourceMetadata: spec.authMode === "oauth" && resourceUri ? {
          resource: resourceUri, authorization_servers: ["https://auth.acme.example"],
          scopes_supported: ["mcp:tools", ...spec.tools.slice(0, 2).map((t) => `tools:${t}`)],
          bearer_methods_supported: ["header"], resource_name: `Acme ${spec.name}`,
        } : null,
        lastProbeAt: probed.result === "unknown" ? null : recentBetween(rng, now - 7 * DAY, now - HOUR),
        lastProbeResult: probed.result, lastProbeDetail: probed.detail,
        identityId: null, ownerId, teamId, createdAt, spec, upstream: providerFor(spec.upstream, env),
      };
      if (spec.hasIdentity && resourceUri) {
        const identity: TIdentityRow = {
          id: uuidV7(createdAt, rng), kind: "mcp_server", name, description: `MCP server ${resourceUri}`,
          environment: env, providerId: null, externalId: null, ownerId, teamId, thirdPartyVendor: null,
          lastSeenAt: recentBetween(rng, now - DAY, now), createdAt,
          weight: 3, userAgent: rng.pick(USER_AGENTS.mcp_server), mcpServer: server,
        };
        server.identityId = identity.id;
        identities.push(identity);
      }
      servers.push(server);
    }
  }
  return { servers, identities };
}
