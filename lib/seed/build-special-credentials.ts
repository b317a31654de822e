import type { CredentialKind, IdentityKind } from "@/lib/generated/prisma/client";
import { planCredential, type TCredentialPlan, type TForced, type TRoute } from "@/lib/seed/build-credentials";
import type { TProviderKey } from "@/lib/seed/catalog-providers";
import type { TCredentialContext } from "@/lib/seed/credential-context";
import type { TLifecycle } from "@/lib/seed/lifecycle";
import type { TRng } from "@/lib/seed/prng";
import { between, DAY, HOUR, MINUTE } from "@/lib/seed/time";
import type { TIdentityRow, TMcpServerRow } from "@/lib/seed/world-types";

/**
 * Credentials made on purpose rather than drawn at random, written with the first chunk:
 * - each fronting MCP server's own upstream credentials, so traces through a server can show the
 *   correct second hop (the server's credential, not the agent's);
 * - a handful of showcase credentials so every usage-based risk signal (passthrough, cross-
 *   environment and human use, an exposed MCP config) appears at any inventory size, not only when
 *   the small random shares happen to hit at N = 2,000.
 */

const OWN_KIND: Record<TProviderKey, CredentialKind> = {
  github: "pat", oauth: "client_secret", aws_prod: "cloud_access_key", aws_sandbox: "cloud_access_key",
  atlassian: "api_key", slack: "api_key", orders_db: "static_bearer", stripe: "api_key", openai: "api_key",
};

/** Long-lived, active, in use now: these carry traffic throughout the 90-day usage window. */
function activeLifecycle(rng: TRng, now: number, kind: CredentialKind): TLifecycle {
  const issuedAt = between(rng, now - 400 * DAY, now - 100 * DAY);
  return {
    issuedAt,
    expiresAt: kind === "cloud_access_key" || rng.chance(0.5) ? null : now + between(rng, 30 * DAY, 200 * DAY),
    lastUsedAt: now - between(rng, MINUTE, 6 * HOUR),
    lastRotatedAt: rng.chance(0.4) ? between(rng, issuedAt + 30 * DAY, now - DAY) : null,
    status: "active",
  };
}

function frontingServers(ctx: TCredentialContext): TMcpServerRow[] {
  return [...ctx.serversByUpstream.values()].flat();
}

export function planServerCredentials(rng: TRng, ctx: TCredentialContext, firstSerial: number, limit: number): TCredentialPlan[] {
  const plans: TCredentialPlan[] = [];
  for (const server of frontingServers(ctx)) {
    const holder = ctx.org.identities.find((i) => i.id === server.identityId);
    if (!holder || !server.upstream) continue;
    const kind = OWN_KIND[server.upstream.spec.key];
    for (let n = 0; n < 2 && plans.length < limit; n++) {
      plans.push(planCredential(rng, ctx, firstSerial + plans.length, {
        holder, provider: server.upstream, kind, lifecycle: activeLifecycle(rng, ctx.org.now, kind),
      }));
    }
  }
  return plans;
}

export function planShowcaseCredentials(rng: TRng, ctx: TCredentialContext, firstSerial: number, limit: number): TCredentialPlan[] {
  const now = ctx.org.now;
  const of = (kinds: IdentityKind[]) => ctx.org.identities.filter((i) => kinds.includes(i.kind));
  const plans: TCredentialPlan[] = [];
  const add = (holder: TIdentityRow | undefined, providerKey: TProviderKey, force: TForced, route?: TRoute) => {
    if (!holder || plans.length >= limit) return;
    const provider = route?.kind === "passthrough" && route.server.upstream ? route.server.upstream : ctx.provider(providerKey);
    const kind = OWN_KIND[provider.spec.key];
    plans.push(planCredential(rng, ctx, firstSerial + plans.length, { holder, provider, kind, lifecycle: activeLifecycle(rng, now, kind), route, force }));
  };
  const interactive = of(["agent", "mcp_client"]);
  // Passthrough: a static provider token handed to a server that forwards it upstream.
  for (const server of frontingServers(ctx).filter((s) => s.environment === "prod").slice(0, 4)) {
    if (interactive.length > 0) add(rng.pick(interactive), "github", {}, { kind: "passthrough", server });
  }
  const services = of(["service_account"]).filter((i) => i.environment === "prod");
  add(services.length > 0 ? rng.pick(services) : undefined, "stripe", { crossEnv: true });
  add(services.length > 0 ? rng.pick(services) : undefined, "aws_prod", { crossEnv: true });
  add(services.length > 0 ? rng.pick(services) : undefined, "github", { humanUse: true });
  add(of(["bot"])[0], "slack", { humanUse: true });
  const clients = of(["mcp_client"]);
  add(clients[0], "github", { exposed: true });
  add(clients[1], "atlassian", { exposed: true });
  return plans;
}
