import type { TCredentialPlan } from "@/lib/seed/build-credentials";
import type { TRng } from "@/lib/seed/prng";
import { between } from "@/lib/seed/time";
import { uuidV7 } from "@/lib/seed/uuid-v7";
import type { TBindingRow } from "@/lib/seed/world-types";

/**
 * Topology edges of one credential. A passthrough credential gets the full chain
 * (agent → MCP server, then MCP server → provider, both with this credential); a shared one gets an
 * edge per holder. Unused credentials found only by a sync have no observed edge half of the time.
 */
export function buildBindings(rng: TRng, plan: TCredentialPlan): TBindingRow[] {
  const { row, route, provider } = plan;
  if (row.lastUsedAt === null && plan.sharedWith.length === 0 && rng.chance(0.5)) return [];
  const lastSeenAt = row.lastUsedAt ?? row.createdAt;
  const edge = (fields: Partial<TBindingRow> & Pick<TBindingRow, "environment">): TBindingRow => {
    const firstSeenAt = between(rng, Math.min(row.issuedAt, lastSeenAt), lastSeenAt);
    return {
      id: uuidV7(firstSeenAt, rng), credentialId: row.id, holderIdentityId: null, holderMcpServerId: null,
      targetMcpServerId: null, targetProviderId: null, audience: null, firstSeenAt, lastSeenAt, ...fields,
    };
  };
  const toProvider = { targetProviderId: provider.id, audience: provider.spec.apiUrl };

  if (route.kind === "server-held") {
    return [edge({ holderMcpServerId: route.server.id, environment: route.server.environment, ...toProvider })];
  }
  const holders = [plan.holder, ...plan.sharedWith];
  if (route.kind === "provider") {
    return holders.map((h) => edge({ holderIdentityId: h.id, environment: h.environment, ...toProvider }));
  }
  const server = route.server;
  const edges = holders.map((h) =>
    edge({ holderIdentityId: h.id, environment: h.environment, targetMcpServerId: server.id, audience: server.resourceUri }));
  if (route.kind === "passthrough" && server.upstream) {
    edges.push(edge({ holderMcpServerId: server.id, environment: server.environment, targetProviderId: server.upstream.id, audience: server.upstream.spec.apiUrl }));
  }
  return edges;
}
