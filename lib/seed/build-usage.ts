import type { CallerKind, Environment, IdentityKind, UsageOutcome } from "@/lib/generated/prisma/client";
import { BROWSER_USER_AGENTS } from "@/lib/seed/catalog-identities";
import type { TCredentialPlan } from "@/lib/seed/build-credentials";
import type { TCredentialContext } from "@/lib/seed/credential-context";
import type { TRng } from "@/lib/seed/prng";
import { between, DAY } from "@/lib/seed/time";
import type { TCredentialRow, TIdentityRow, TMcpServerRow, TUsageEventRow } from "@/lib/seed/world-types";

/**
 * Usage events (hops) as a gateway or OTel exporter would report them: one span per credential
 * presentation, grouped into traces. A trace through an MCP server has two hops; in a passthrough
 * trace both hops carry the same fingerprint, which is exactly what the passthrough detector finds.
 */

export const USAGE_WINDOW_DAYS = 90;
export const CROSS_ENV_SHARE = 0.01;
export const HUMAN_USE_SHARE = 0.007;
/** Probability that a trace through a server shows the server's own upstream hop. */
const UPSTREAM_HOP_SHARE = 0.7;

const CALLER_KIND: Record<IdentityKind, CallerKind> = {
  agent: "agent", mcp_client: "mcp_client", mcp_server: "mcp_server", service_account: "service", app: "service", bot: "service",
};
const OTHER_ENV: Record<Environment, Environment> = { prod: "dev", staging: "dev", dev: "prod" };

/** Upstream credentials of each MCP server, to attribute the server's own second hop. */
export type TServerPools = Map<string, TCredentialRow[]>;

export type TUsageResult = { events: TUsageEventRow[]; passthroughTraces: number };

function outcome(rng: TRng): UsageOutcome {
  return rng.weighted<UsageOutcome>([["allowed", 94], ["denied", 4], ["error", 2]]);
}

export function buildUsage(rng: TRng, ctx: TCredentialContext, plan: TCredentialPlan, pools: TServerPools): TUsageResult {
  const { row, holder, route, provider } = plan;
  const now = ctx.org.now;
  const events: TUsageEventRow[] = [];
  if (row.lastUsedAt === null || row.lastUsedAt < now - USAGE_WINDOW_DAYS * DAY) return { events, passthroughTraces: 0 };

  const callers = [holder, ...plan.sharedWith];
  const crossEnv = rng.chance(CROSS_ENV_SHARE) || plan.force?.crossEnv === true;
  const humanTraces = rng.chance(HUMAN_USE_SHARE) || plan.force?.humanUse ? rng.int(1, 3) : 0;
  const from = Math.max(row.issuedAt, now - USAGE_WINDOW_DAYS * DAY);
  // Exponential trace count (mean ≈ 15, capped): most credentials are used a little, a few a lot.
  let traces = Math.min(80, 1 + Math.floor(-Math.log(1 - rng.next()) * 14));
  if (route.kind === "passthrough") traces = Math.min(traces, 4);
  let passthroughTraces = 0;

  const span = (
    time: number, traceId: string, parentSpanId: string | null, cred: TCredentialRow,
    caller: { kind: CallerKind; id: string; environment: Environment; userAgent: string },
    target: { kind: "mcp_server" | "provider_api"; id: string; audience: string | null }, tool: string | null, result: UsageOutcome,
  ) => {
    const spanId = rng.hex(16);
    const at = Math.min(time, now);
    events.push({
      eventId: `${traceId}:${spanId}`, time: at, traceId, spanId, parentSpanId, credentialId: cred.id, fingerprint: cred.fingerprint,
      callerKind: caller.kind, callerId: caller.id, callerEnvironment: caller.environment, userAgent: caller.userAgent,
      targetKind: target.kind, targetId: target.id, targetAudience: target.audience, tool, outcome: result,
      ingestedAt: Math.min(now, at + between(rng, 1_000, 30_000)),
    });
    return spanId;
  };
  const asCaller = (identity: TIdentityRow, env: Environment) => ({ kind: CALLER_KIND[identity.kind], id: identity.name, environment: env, userAgent: identity.userAgent });
  const asServer = (server: TMcpServerRow) => ({ kind: "mcp_server" as const, id: server.name, environment: server.environment, userAgent: `${server.name}/1.4.0 mcp-server` });
  const providerTarget = { kind: "provider_api" as const, id: provider.spec.apiHost, audience: provider.spec.apiUrl };

  for (let t = 0; t < traces; t++) {
    // The newest trace is the credential's last use, so last_used_at and the event log agree.
    const time = t === 0 ? row.lastUsedAt : between(rng, from, row.lastUsedAt);
    const traceId = rng.hex(32);
    const revokedNow = t === 0 && (row.status === "revoked" || row.status === "disabled");
    // A passthrough credential's newest trace always completes, so its forwarding is on record.
    const result = revokedNow ? "denied" : t === 0 && route.kind === "passthrough" ? "allowed" : outcome(rng);

    if (t < humanTraces) {
      const email = (row.ownerId && ctx.userEmail.get(row.ownerId)) || ctx.userEmail.get(rng.pick(ctx.owners.active).id) || "unknown";
      span(time, traceId, null, row, { kind: "user", id: email, environment: row.environment, userAgent: rng.pick(BROWSER_USER_AGENTS) }, providerTarget, null, result);
      continue;
    }
    const identity = rng.pick(callers);
    // The newest non-human trace of a forced cross-environment credential is always the odd one out.
    const env = crossEnv && (rng.chance(0.3) || t === humanTraces) ? OTHER_ENV[row.environment] : identity.environment;

    switch (route.kind) {
      case "provider":
        span(time, traceId, identity.kind === "agent" ? rng.hex(16) : null, row, asCaller(identity, env), providerTarget, null, result);
        break;
      case "server-held": {
        // The inbound MCP request span carried no credential of ours: only its id is known.
        span(time, traceId, rng.hex(16), row, asServer(route.server), providerTarget, rng.pick(route.server.spec.tools), result);
        break;
      }
      case "server":
      case "passthrough": {
        const server = route.server;
        const tool = rng.pick(server.spec.tools);
        const first = span(time, traceId, rng.hex(16), row, asCaller(identity, env), { kind: "mcp_server", id: server.name, audience: server.resourceUri }, tool, result);
        if (result !== "allowed" || !server.upstream) break;
        const upstream = { kind: "provider_api" as const, id: server.upstream.spec.apiHost, audience: server.upstream.spec.apiUrl };
        const hopAt = time + between(rng, 20, 900);
        if (route.kind === "passthrough") {
          span(hopAt, traceId, first, row, asServer(server), upstream, tool, "allowed");
          passthroughTraces++;
        } else if (rng.chance(UPSTREAM_HOP_SHARE)) {
          const own = pools.get(server.id);
          if (own && own.length > 0) {
            const cred = rng.pick(own);
            span(hopAt, traceId, first, cred, asServer(server), upstream, tool, "allowed");
            cred.lastUsedAt = Math.max(cred.lastUsedAt ?? 0, Math.min(hopAt, now));
          }
        }
        break;
      }
    }
  }
  // A forwarded hop lands a few ms after the newest presentation: keep last_used_at the maximum.
  for (const e of events) if (e.credentialId === row.id && e.time > (row.lastUsedAt ?? 0)) row.lastUsedAt = e.time;
  return { events, passthroughTraces };
}
