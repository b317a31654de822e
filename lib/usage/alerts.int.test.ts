import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { decideAlertOperation } from "@/lib/usage/operations";
import { listUsageAlerts, readTrace } from "@/lib/usage/queries";
import { applyPendingUsage } from "@/lib/usage/services/apply-pending-usage";
import { ingestUsage } from "@/lib/usage/services/ingest-usage";
import type { TUsageEvent } from "@/lib/usage/schemas";

/**
 * From hops to an alert: a trace where an MCP server forwards the token it was given is ingested,
 * applied by the usage.apply job's service, and shows up as a passthrough alert whose trace link
 * draws the forwarded hop; a server that exchanges the token per hop raises nothing.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
const FORWARDED = "ghp_forwardedClientToken000000000000001";
const EXCHANGED = "ghp_exchangedClientToken000000000000002";
const OWN = "ghp_serversOwnTokenForGithub00000000003";

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  const provider = await database.prisma.provider.create({ data: { name: "GitHub (alerts test)", type: "github" } });
  for (const [name, secret] of [["agent token (forwarded)", FORWARDED], ["agent token (exchanged)", EXCHANGED], ["github-mcp's own token", OWN]] as const) {
    await database.prisma.credential.create({ data: { name, kind: "pat", providerId: provider.id, fingerprint: fingerprintOf(secret), hint: secret.slice(-4), source: "sync" } });
  }
});
afterAll(async () => {
  await database?.dispose();
});

function trace(id: string, clientToken: string, downstreamToken: string): TUsageEvent[] {
  const t = (s: number) => new Date(Date.now() - 3600_000 + s * 1000).toISOString();
  return [
    { id: `${id}-1`, time: t(0), traceId: id, spanId: `${id}-a`, credential: { fingerprint: fingerprintOf(clientToken) }, caller: { kind: "agent", id: "research-agent" }, target: { kind: "mcp_server", id: "github-mcp", audience: "https://github-mcp.internal/mcp" }, tool: "search", outcome: "allowed" },
    { id: `${id}-2`, time: t(1), traceId: id, spanId: `${id}-b`, parentSpanId: `${id}-a`, credential: { fingerprint: fingerprintOf(downstreamToken) }, caller: { kind: "mcp_server", id: "github-mcp" }, target: { kind: "provider_api", id: "api.github.com", audience: "https://api.github.com" }, outcome: "allowed" },
  ];
}

describe("usage alerts", () => {
  it("raises passthrough for the forwarded token with its trace, and nothing for a per-hop exchange", async () => {
    await database.prisma.$transaction((tx) => ingestUsage(tx, [...trace("trace-forward", FORWARDED, FORWARDED), ...trace("trace-exchange", EXCHANGED, OWN)]));
    // Before the usage.apply job runs, nothing is scored yet.
    expect((await listUsageAlerts(database.prisma, "passthrough")).items).toEqual([]);
    await applyPendingUsage(database.prisma);

    const { items, counts } = await listUsageAlerts(database.prisma, "passthrough");
    expect(items.map((i) => i.name)).toEqual(["agent token (forwarded)"]);
    expect(items[0]).toMatchObject({ trace: "trace-forward", findings: [{ factor: "passthrough", evidence: expect.stringContaining("forwarded by it to api.github.com") }] });
    expect(counts.passthrough).toBe(1);

    const all = { actor: actors.security, reach: "any" } as const;
    const forwarded = await readTrace(database.read, "trace-forward", all);
    expect(forwarded.hops).toHaveLength(2);
    expect(forwarded.forwarded).toEqual(["trace-forward-2"]);
    // The graph's caller links: each hop keeps the span that called it.
    expect(forwarded.hops.map((h) => h.parentSpanId)).toEqual([null, "trace-forward-a"]);
    expect((await readTrace(database.read, "trace-exchange", all)).forwarded).toEqual([]);
    expect((await readTrace(database.read, "no-such-trace", all)).hops).toEqual([]);
  });

  it("shows an owner only the hops of their own credentials in a trace, as the hop log does", async () => {
    const owned = { actor: actors.owner, reach: "owned" } as const;
    // Owning nothing in it: the trace is not theirs to see at all (the page answers 404).
    expect((await readTrace(database.read, "trace-forward", owned)).hops).toEqual([]);
    const exchanged = await database.prisma.credential.findFirstOrThrow({ where: { name: "agent token (exchanged)" } });
    await database.prisma.credential.update({ where: { id: exchanged.id }, data: { ownerId: actors.owner.id } });
    try {
      // The agent's hop with their token, not the server's onward hop with another team's token.
      const mine = await readTrace(database.read, "trace-exchange", owned);
      expect(mine.hops.map((h) => h.id)).toEqual(["trace-exchange-1"]);
      expect((await readTrace(database.read, "trace-forward", owned)).hops).toEqual([]);
    } finally {
      await database.prisma.credential.update({ where: { id: exchanged.id }, data: { ownerId: null } });
    }
  });

  it("acknowledge silences a finding for good; resolve silences it until a newer hop proves it again; re-open brings it back", async () => {
    const [forwarded] = (await listUsageAlerts(database.prisma, "passthrough")).items;
    const decide = (decision: string, comment = "known: migration to token exchange planned", actor = actors.security) =>
      executeOperation(database.prisma, decideAlertOperation, actor, { credentialId: forwarded!.credentialId, factor: "passthrough", decision, comment });

    // Hostile and wrong input first: nothing written.
    const before = await snapshotCounts(database.prisma);
    expect(await decide("acknowledged", "ok")).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { comment: [expect.stringContaining("at least 3")] } } });
    expect(await executeOperation(database.prisma, decideAlertOperation, actors.security, { credentialId: forwarded!.credentialId, factor: "stale", decision: "acknowledged", comment: "nope" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await executeOperation(database.prisma, decideAlertOperation, actors.security, { credentialId: forwarded!.credentialId, factor: "shared", decision: "acknowledged", comment: "not flagged for it" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await decide("reopen")).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await decide("acknowledged", "mine, hush", actors.owner)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await snapshotCounts(database.prisma)).toEqual({ ...before, auditEvents: before.auditEvents + 1 }); // the owner's access.denied

    expect(await decide("acknowledged")).toMatchObject({ ok: true });
    expect((await listUsageAlerts(database.prisma, "passthrough")).items).toEqual([]);
    const decided = await listUsageAlerts(database.prisma, "passthrough", "decided");
    expect(decided.items[0]!.findings[0]!.decision).toMatchObject({ kind: "acknowledged", comment: "known: migration to token exchange planned", by: expect.stringContaining("security@") });
    expect(decided.decided).toBe(1);
    expect(await decide("acknowledged")).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // A new passthrough hop does not re-alert an acknowledged finding.
    await database.prisma.$transaction((tx) => ingestUsage(tx, trace("trace-forward-2", FORWARDED, FORWARDED)));
    await applyPendingUsage(database.prisma);
    expect((await listUsageAlerts(database.prisma, "passthrough")).items).toEqual([]);

    // Resolved: quiet until a newer hop.
    expect(await decide("resolved", "server now exchanges tokens")).toMatchObject({ ok: true });
    expect((await listUsageAlerts(database.prisma, "passthrough")).items).toEqual([]);
    const later = trace("trace-forward-3", FORWARDED, FORWARDED).map((e, i) => ({ ...e, time: new Date(Date.now() + 1000 + i * 1000).toISOString() }));
    await database.prisma.$transaction((tx) => ingestUsage(tx, later));
    await applyPendingUsage(database.prisma);
    expect((await listUsageAlerts(database.prisma, "passthrough")).items.map((i) => i.credentialId)).toEqual([forwarded!.credentialId]);

    const audit = await database.prisma.auditEvent.findMany({ where: { action: { startsWith: "alerts." } }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["alerts.acknowledge", "alerts.resolve"]);
    expect(audit[1]!.summary).toMatchObject({ factor: "passthrough", before: { decision: "acknowledged" }, after: { decision: "resolved" } });

    expect(await decide("reopen", "re-checking")).toMatchObject({ ok: true });
    expect(await database.prisma.usageAlertDecision.count()).toBe(0);
  });
});
