import { buildIdentities } from "@/lib/seed/build-identities";
import { buildMcpServers, buildProviders } from "@/lib/seed/build-infra";
import { buildPeople } from "@/lib/seed/build-people";
import { ownerDirectory, type TOwnerDirectory } from "@/lib/seed/owners";
import type { TRng } from "@/lib/seed/prng";
import type { TOrg } from "@/lib/seed/world-types";

/** Everything credentials hang off, in dependency order. Each part has its own PRNG stream. */
export function buildOrg(rng: TRng, now: number, credentials: number, demoPasswordHashes: readonly string[]): { org: TOrg; owners: TOwnerDirectory } {
  const { users, teams, memberships } = buildPeople(rng.fork("people"), now, credentials, demoPasswordHashes);
  const owners = ownerDirectory(users, teams);
  const providers = buildProviders(rng.fork("providers"), now);
  const { servers, identities: serverIdentities } = buildMcpServers(rng.fork("mcp-servers"), now, credentials, providers, owners);
  const identities = [...serverIdentities, ...buildIdentities(rng.fork("identities"), now, credentials, providers, owners)];
  return { org: { now, users, teams, memberships, providers, identities, mcpServers: servers }, owners };
}
