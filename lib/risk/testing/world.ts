import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A small, hand-made world for integration tests of the risk engine: one credential per situation,
 * with the bindings, exposures and usage events that later issues (usage ingestion, scanners) will
 * produce. Times are relative to `now`.
 */

const DAY = 86_400_000;

export type TRiskWorld = Awaited<ReturnType<typeof buildRiskWorld>>;

export async function buildRiskWorld(prisma: PrismaClient, now: Date) {
  const t = (days: number) => new Date(now.getTime() - days * DAY);
  const alice = await prisma.user.create({ data: { email: "alice@world.test", name: "Alice", role: "owner" } });
  const bob = await prisma.user.create({ data: { email: "bob@world.test", name: "Bob", role: "owner", active: false, deactivatedAt: t(30) } });
  const github = await prisma.provider.create({ data: { name: "GitHub (world)", type: "github", sensitivity: "high" } });
  const sandbox = await prisma.provider.create({ data: { name: "Sandbox", type: "api_key", sensitivity: "low" } });

  const agent = await prisma.identity.create({ data: { kind: "agent", name: "release-agent", environment: "prod", ownerId: alice.id } });
  const agent2 = await prisma.identity.create({ data: { kind: "agent", name: "triage-agent", environment: "prod", ownerId: alice.id } });
  const vendorApp = await prisma.identity.create({ data: { kind: "app", name: "zendesk-integration", environment: "prod", ownerId: alice.id, thirdPartyVendor: "Zendesk" } });
  const serverIdentity = await prisma.identity.create({ data: { kind: "mcp_server", name: "jira-mcp", environment: "prod", ownerId: alice.id } });
  const server = await prisma.mcpServer.create({
    data: { name: "jira-mcp", resourceUri: "https://mcp.world.test/jira", transport: "streamable_http", authMode: "oauth", identityId: serverIdentity.id, ownerId: alice.id },
  });

  // A clean credential: short TTL, audience-bound, used yesterday, owned.
  const base = (name: string, extra: Record<string, unknown> = {}) => ({
    name, kind: "oauth_access_token" as const, providerId: github.id, scopes: ["read:org"], audiences: ["https://api.github.com"],
    environment: "prod" as const, issuedAt: t(5), expiresAt: new Date(t(5).getTime() + 30 * DAY), lastUsedAt: t(1),
    ownerId: alice.id, identityId: agent.id, createdAt: t(5), ...extra,
  });
  const c = async (name: string, extra: Record<string, unknown> = {}) => prisma.credential.create({ data: base(name, extra) });

  const clean = await c("clean");
  const exposed = await c("exposed");
  const resolvedExposure = await c("resolved-exposure");
  const passthrough = await c("passthrough");
  const crossEnv = await c("cross-env");
  const humanUse = await c("human-use");
  const shared = await c("shared");
  const mismatch = await c("audience-mismatch");
  const orphaned = await c("orphaned", { ownerId: bob.id, identityId: null });
  const vendor = await c("vendor", { identityId: vendorApp.id });
  const revoked = await c("revoked", { status: "revoked", expiresAt: null });
  const staticKey = await c("static-key", { kind: "api_key", expiresAt: null, audiences: [], providerId: github.id });
  const lowSensitivity = await c("low-sensitivity", { kind: "api_key", expiresAt: null, audiences: [], providerId: sandbox.id });

  await prisma.exposure.create({ data: { credentialId: exposed.id, fingerprint: "sha256:aa", locationKind: "mcp_config", location: ".cursor/mcp.json", repository: "acme/web", detector: "test" } });
  await prisma.exposure.create({
    data: { credentialId: resolvedExposure.id, fingerprint: "sha256:bb", locationKind: "env_file", location: ".env", repository: "acme/api", detector: "test", resolvedAt: t(2) },
  });

  let n = 0;
  const event = (credentialId: string, fields: Record<string, unknown>) => ({
    eventId: `world-${++n}`, time: t(2), traceId: `trace-${n}`, spanId: `span-${n}`, credentialId,
    callerKind: "agent" as const, callerId: "release-agent", callerEnvironment: "prod" as const, userAgent: "langgraph/0.6.4",
    targetKind: "provider_api" as const, targetId: "api.github.com", targetAudience: "https://api.github.com", outcome: "allowed" as const,
    ...fields,
  });
  await prisma.usageEvent.createMany({
    data: [
      event(clean.id, {}),
      // Passthrough: presented to the MCP server, then used by it upstream within the same trace.
      event(passthrough.id, { traceId: "trace-pt", spanId: "s1", targetKind: "mcp_server", targetId: "jira-mcp", targetAudience: "https://mcp.world.test/jira" }),
      event(passthrough.id, { traceId: "trace-pt", spanId: "s2", parentSpanId: "s1", callerKind: "mcp_server", callerId: "jira-mcp", targetId: "api.github.com" }),
      event(crossEnv.id, { callerEnvironment: "dev" }),
      event(humanUse.id, { callerKind: "user", callerId: "alice@world.test", userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0" }),
      event(mismatch.id, { targetAudience: "https://slack.com/api" }),
      // Outside the usage window: must not count.
      event(clean.id, { time: t(200), callerEnvironment: "dev" }),
    ],
  });
  await prisma.binding.createMany({
    data: [
      { credentialId: shared.id, holderIdentityId: agent.id, targetProviderId: github.id, environment: "prod" },
      { credentialId: shared.id, holderIdentityId: agent2.id, targetProviderId: github.id, environment: "prod" },
      { credentialId: passthrough.id, holderIdentityId: agent.id, targetMcpServerId: server.id, environment: "prod" },
      { credentialId: passthrough.id, holderMcpServerId: server.id, targetProviderId: github.id, environment: "prod" },
      { credentialId: clean.id, holderIdentityId: agent.id, targetProviderId: github.id, environment: "prod", audience: "https://api.github.com" },
    ],
  });

  return {
    users: { alice, bob },
    providers: { github, sandbox },
    credentials: { clean, exposed, resolvedExposure, passthrough, crossEnv, humanUse, shared, mismatch, orphaned, vendor, revoked, staticKey, lowSensitivity },
  };
}
