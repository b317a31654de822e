import type { Environment, IdentityKind } from "@/lib/generated/prisma/client";
import type { TProviderKey } from "@/lib/seed/catalog-providers";
import type { TOwnerDirectory } from "@/lib/seed/owners";
import type { TRng } from "@/lib/seed/prng";
import type { TIdentityRow, TMcpServerRow, TOrg, TProviderRow } from "@/lib/seed/world-types";

/** Lookup structures built once from the org so generating each credential is O(log n). */

export type TCredentialContext = {
  org: TOrg;
  owners: TOwnerDirectory;
  provider: (key: TProviderKey) => TProviderRow;
  pickHolder: (rng: TRng) => TIdentityRow;
  /** Remote servers that take OAuth tokens from Acme SSO. */
  oauthServers: TMcpServerRow[];
  /** Servers (with an identity) that call a provider on an agent's behalf, by provider id. */
  serversByUpstream: Map<string, TMcpServerRow[]>;
  /** Identities that plausibly share someone else's token. */
  sharers: TIdentityRow[];
  sharersByEnv: Map<Environment, TIdentityRow[]>;
  userEmail: Map<string, string>;
};

const SHARER_KINDS: ReadonlySet<IdentityKind> = new Set(["agent", "service_account", "mcp_client"]);

export function credentialContext(org: TOrg, owners: TOwnerDirectory): TCredentialContext {
  const providerByKey = new Map(org.providers.map((p) => [p.spec.key, p]));
  // Cumulative weights + binary search: picking among 50k identities a million times stays cheap.
  const cumulative: number[] = [];
  let total = 0;
  for (const identity of org.identities) cumulative.push((total += identity.weight));
  const oauthServers = org.mcpServers.filter((s) => s.authMode === "oauth" && s.resourceUri);
  const serversByUpstream = new Map<string, TMcpServerRow[]>();
  for (const server of org.mcpServers) {
    if (server.upstream && server.identityId) {
      serversByUpstream.set(server.upstream.id, [...(serversByUpstream.get(server.upstream.id) ?? []), server]);
    }
  }
  const sharers = org.identities.filter((i) => SHARER_KINDS.has(i.kind));
  const sharersByEnv = new Map<Environment, TIdentityRow[]>();
  for (const s of sharers) {
    const list = sharersByEnv.get(s.environment);
    if (list) list.push(s);
    else sharersByEnv.set(s.environment, [s]);
  }
  return {
    org, owners, oauthServers, serversByUpstream, sharers, sharersByEnv,
    provider: (key) => {
      const p = providerByKey.get(key);
      if (!p) throw new Error(`provider ${key} was not built`);
      return p;
    },
    pickHolder: (rng) => {
      const r = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > r) hi = mid;
        else lo = mid + 1;
      }
      return org.identities[lo] as TIdentityRow;
    },
    userEmail: new Map(org.users.map((u) => [u.id, u.email])),
  };
}

/** Same environment when there is one, else any: prod agents call prod servers. */
export function serverNear(rng: TRng, servers: readonly TMcpServerRow[], environment: Environment): TMcpServerRow | undefined {
  if (servers.length === 0) return undefined;
  const same = servers.filter((s) => s.environment === environment);
  return rng.pick(same.length > 0 && rng.chance(0.9) ? same : servers);
}
