import { gzipSync } from "node:zlib";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyOperation } from "@/lib/api-keys/operations";
import type { TActor } from "@/lib/auth/actor";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { executeOperation } from "@/lib/server/execute";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { TOKENWARD_ATTRIBUTES as TW } from "@/lib/usage/otlp/map-spans";
import { makeSpans } from "@/lib/usage/otlp/testing";
import { ingestUsageRoute, otlpTracesRoute } from "@/lib/usage/routes";
import { applyPendingUsage } from "@/lib/usage/services/apply-pending-usage";
import { UNATTRIBUTED } from "@/lib/usage/services/unattributed-provider";

/**
 * Usage ingestion end to end through the route handlers, on PGlite and PostgreSQL: API keys with and
 * without usage:write, whole-batch refusal, idempotency, last use, strangers recorded, OTLP in both
 * encodings (made by the OpenTelemetry SDK's own serializer) with partial success.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let writer: string;
let reader: string;
let providerId: string;
let knownId: string;
const KNOWN = "ghp_knownTokenForUsageIngestion0000000001";
const STRANGER = "ghp_strangerTokenNeverInventoried00000002";

async function key(actor: TActor, scopes: string[]): Promise<string> {
  const result = await executeOperation(database.prisma, createApiKeyOperation, actor, { name: `k-${scopes.join()}-${Math.random()}`, scopes, expiresInDays: 30 });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.token;
}

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  writer = await key(actors.admin, ["usage:write"]);
  reader = await key(actors.admin, ["inventory:read"]);
  const provider = await database.prisma.provider.create({ data: { name: "GitHub (usage test)", type: "github" } });
  providerId = provider.id;
  const known = await database.prisma.credential.create({
    data: { name: "deploy bot PAT", kind: "pat", providerId, externalId: "pat-1", fingerprint: fingerprintOf(KNOWN), hint: KNOWN.slice(-4), source: "sync", lastUsedAt: new Date("2026-01-01T00:00:00Z") },
  });
  knownId = known.id;
});
afterAll(async () => {
  await database?.dispose();
});

function event(overrides: Record<string, unknown> = {}) {
  return {
    id: `evt-${Math.random().toString(36).slice(2)}`,
    time: "2026-11-30T12:00:00.000Z",
    traceId: "trace-1",
    spanId: "span-1",
    credential: { fingerprint: fingerprintOf(KNOWN) },
    caller: { kind: "agent", id: "research-agent", environment: "prod" },
    target: { kind: "mcp_server", id: "github-mcp", audience: "https://github-mcp.internal/mcp" },
    outcome: "allowed",
    ...overrides,
  };
}

function post(handler: unknown, body: BodyInit, headers: Record<string, string>, token: string | null = writer, session: TActor | null = null) {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return executeRoute(database.prisma, routeDefinitionOf(handler)!, session, new Request("http://localhost/api/v1/usage", { method: "POST", body, headers: { ...auth, ...headers } }), database.read);
}
const ndjson = (events: object[]) => events.map((e) => JSON.stringify(e)).join("\n");
const NDJSON = { "content-type": "application/x-ndjson" };
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("POST /api/v1/usage — who may send", () => {
  it("refuses no key, a browser session, a key without usage:write, a junk key — writing nothing but the denial", async () => {
    const before = await snapshotCounts(database.prisma);
    expect((await post(ingestUsageRoute, ndjson([event()]), NDJSON, null)).status).toBe(401);
    expect((await post(ingestUsageRoute, ndjson([event()]), NDJSON, null, actors.admin)).status).toBe(401);
    expect((await post(ingestUsageRoute, ndjson([event()]), NDJSON, "twk_000000000000_junk")).status).toBe(401);
    const scoped = await post(ingestUsageRoute, ndjson([event()]), NDJSON, reader);
    expect(scoped.status).toBe(403);
    const after = await snapshotCounts(database.prisma);
    expect(await database.prisma.usageEvent.count()).toBe(0);
    expect(after.auditEvents).toBe(before.auditEvents + 1); // the scoped key's access.denied
  });

  it("refuses a usage:write key once its creator is no longer admin or security (a key never reaches beyond its creator)", async () => {
    const token = await key(actors.spareAdmin, ["usage:write"]);
    await database.prisma.user.update({ where: { id: actors.spareAdmin.id }, data: { role: "auditor" } });
    const response = await post(ingestUsageRoute, ndjson([event({ id: "demoted-1" })]), NDJSON, token);
    expect(response.status).toBe(403);
    expect(await database.prisma.usageEvent.count({ where: { eventId: "demoted-1" } })).toBe(0);
  });
});

describe("POST /api/v1/usage — batches", () => {
  it("writes a valid batch, moves last use forward, records a stranger once, and is idempotent", async () => {
    const events = [event({ id: "a-1" }), event({ id: "a-2", time: "2026-11-30T12:00:01.000Z" }), event({ id: "a-3", credential: { fingerprint: fingerprintOf(STRANGER) }, caller: { kind: "mcp_server", id: "github-mcp" }, target: { kind: "provider_api", id: "api.github.com" } })];
    const first = await post(ingestUsageRoute, ndjson(events), NDJSON);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { data: object }).data).toMatchObject({ received: 3, accepted: 3, duplicates: 0, newCredentials: 1 });
    // Last use and rescoring are the usage.apply job's, queued by the batch.
    expect(await database.prisma.usagePending.count()).toBe(2);
    expect(await database.prisma.job.findUnique({ where: { id: "usage.apply" } })).toMatchObject({ status: "queued" });
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: knownId } })).lastUsedAt).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(await applyPendingUsage(database.prisma)).toEqual({ credentials: 2, chunks: 1, tasksEnded: 0 });
    expect(await database.prisma.usagePending.count()).toBe(0);
    const known = await database.prisma.credential.findUniqueOrThrow({ where: { id: knownId } });
    expect(known.lastUsedAt).toEqual(new Date("2026-11-30T12:00:01.000Z"));
    const stranger = await database.prisma.credential.findUniqueOrThrow({ where: { fingerprint: fingerprintOf(STRANGER) }, include: { provider: true, risk: true } });
    expect(stranger).toMatchObject({ source: "ingest", kind: "static_bearer", name: "Seen in use: github-mcp → api.github.com", provider: { name: UNATTRIBUTED.name, type: "unattributed" } });
    expect(stranger.risk?.scoredAt).not.toBeNull();

    // The same batch again (a sender's retry), as a JSON array this time: nothing new.
    const again = await post(ingestUsageRoute, JSON.stringify(events), { "content-type": "application/json" });
    expect(((await again.json()) as { data: object }).data).toMatchObject({ received: 3, accepted: 0, duplicates: 3, newCredentials: 0 });
    expect(await database.prisma.usageEvent.count({ where: { eventId: { in: ["a-1", "a-2", "a-3"] } } })).toBe(3);
    expect(await database.prisma.credential.count({ where: { fingerprint: fingerprintOf(STRANGER) } })).toBe(1);

    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "usage.ingest" }, orderBy: { seq: "desc" } });
    expect(audit.actorLabel).toContain("API key");
    expect(audit.summary).toMatchObject({ format: "json", accepted: 0, duplicates: 3 });
    // Never a secret anywhere: only fingerprints travel.
    const text = (rows: unknown[]) => JSON.stringify(rows, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    const dump = text(await database.prisma.usageEvent.findMany()) + text(await database.prisma.auditEvent.findMany()) + text(await database.prisma.credential.findMany());
    expect(dump).not.toContain(STRANGER);
  });

  it("refuses a batch with one bad event as a whole, naming it, and writes nothing", async () => {
    const before = await snapshotCounts(database.prisma);
    const usage = await database.prisma.usageEvent.count();
    const response = await post(ingestUsageRoute, ndjson([event({ id: "b-1" }), event({ id: "b-2", caller: { kind: "robot", id: "x" } })]), NDJSON);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/^line 2 \(id "b-2"\): caller\.kind .*Nothing of this batch was written\.$/);
    expect(await database.prisma.usageEvent.count()).toBe(usage);
    expect(await snapshotCounts(database.prisma)).toEqual(before);
  });

  it("refuses an unknown provider reference as a whole, and resolves a known provider + external id", async () => {
    const missing = await post(ingestUsageRoute, ndjson([event({ id: "c-1", credential: { provider: "0197a0b0-0000-7000-8000-0000000000ff", externalId: "x" } })]), NDJSON);
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).message).toMatch(/credential\.provider .* is not a Tokenward provider/);
    const ok = await post(ingestUsageRoute, ndjson([event({ id: "c-2", credential: { provider: providerId, externalId: "pat-1" } })]), NDJSON);
    expect(((await ok.json()) as { data: object }).data).toMatchObject({ accepted: 1, newCredentials: 0 });
    expect((await database.prisma.usageEvent.findFirstOrThrow({ where: { eventId: "c-2" } })).credentialId).toBe(knownId);
  });

  it("refuses wrong media types, oversize bodies and gzip bombs before parsing, and reads gzip", async () => {
    expect((await post(ingestUsageRoute, ndjson([event()]), { "content-type": "text/plain" })).status).toBe(415);
    expect((await post(ingestUsageRoute, ndjson([event()]), { ...NDJSON, "content-encoding": "br" })).status).toBe(415);
    expect((await post(ingestUsageRoute, "x".repeat(11 * 1024 * 1024), NDJSON)).status).toBe(413);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect((await post(ingestUsageRoute, bomb, { ...NDJSON, "content-encoding": "gzip" })).status).toBe(413);
    expect((await post(ingestUsageRoute, Buffer.from("not gzip"), { ...NDJSON, "content-encoding": "gzip" })).status).toBe(400);
    const zipped = await post(ingestUsageRoute, gzipSync(ndjson([event({ id: "d-1" })])), { ...NDJSON, "content-encoding": "gzip" });
    expect(zipped.status).toBe(200);
    expect((await post(ingestUsageRoute, Buffer.from([0xff, 0xfe, 0x00]), NDJSON)).status).toBe(400);
  });

  it("batches racing the usage.apply job on the same credentials neither deadlock nor lose a last use", async () => {
    const send = (i: number) => post(ingestUsageRoute, ndjson([event({ id: `ra-${i}`, time: new Date(Date.parse("2026-12-01T00:00:00Z") + i * 1000).toISOString() }), event({ id: `rb-${i}`, credential: { fingerprint: fingerprintOf(STRANGER) } })]), NDJSON);
    const results = await Promise.all([...Array.from({ length: 6 }, (_, i) => send(i)), applyPendingUsage(database.prisma), applyPendingUsage(database.prisma)]);
    expect(results.slice(0, 6).map((r) => (r as Response).status)).toEqual([200, 200, 200, 200, 200, 200]);
    await applyPendingUsage(database.prisma);
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: knownId } })).lastUsedAt).toEqual(new Date("2026-12-01T00:00:05Z"));
    expect(await database.prisma.usagePending.count()).toBe(0);
  });

  it("two concurrent batches naming the same stranger record it once", async () => {
    const fp = fingerprintOf("ghp_raceStrangerToken000000000000000003");
    const send = (id: string) => post(ingestUsageRoute, ndjson([event({ id, credential: { fingerprint: fp } })]), NDJSON);
    const responses = await Promise.all([send("r-1"), send("r-2"), send("r-3")]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await database.prisma.credential.count({ where: { fingerprint: fp } })).toBe(1);
    expect(await database.prisma.usageEvent.count({ where: { fingerprint: fp } })).toBe(3);
  });
});

describe("POST /api/v1/otlp/v1/traces", () => {
  async function spans() {
    return makeSpans("mcp-gateway", [
      { name: "tools/call", startTime: new Date("2026-11-30T13:00:00Z"), attributes: { [TW.fingerprint]: fingerprintOf(KNOWN), [TW.callerKind]: "agent", [TW.callerId]: "agent-7", "server.address": "github-mcp" } },
      { name: "bad", attributes: { [TW.fingerprint]: "sha256:nope", "server.address": "github-mcp" } },
      { name: "plain", attributes: { "http.request.method": "GET" } },
    ]);
  }

  it("takes protobuf (gzip too), writes the good spans and answers partial success in protobuf", async () => {
    const body = gzipSync(ProtobufTraceSerializer.serializeRequest(await spans())!);
    const response = await post(otlpTracesRoute, body, { "content-type": "application/x-protobuf", "content-encoding": "gzip" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes[0]).toBe(0x0a); // partial_success
    expect(Buffer.from(bytes).toString("utf8")).toMatch(/span [0-9a-f]{16} of trace [0-9a-f]{32}: credential\.fingerprint/);
    expect(Buffer.from(bytes).toString("utf8")).toContain("1 span(s) carried no tokenward.credential.* attribute");
    const hop = await database.prisma.usageEvent.findFirstOrThrow({ where: { callerId: "agent-7" } });
    expect(hop).toMatchObject({ credentialId: knownId, targetId: "github-mcp", targetKind: "provider_api", time: new Date("2026-11-30T13:00:00Z") });
    expect(hop.eventId).toBe(`${hop.traceId}${hop.spanId}`);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "usage.ingest_otlp" }, orderBy: { seq: "desc" } });
    expect(audit.summary).toMatchObject({ format: "otlp-protobuf", accepted: 1, rejected: 1, ignored: 1 });
  });

  it("answers OTLP JSON in JSON, and refuses an undecodable body whole", async () => {
    const { JsonTraceSerializer } = await import("@opentelemetry/otlp-transformer");
    const response = await post(otlpTracesRoute, Buffer.from(JsonTraceSerializer.serializeRequest(await spans())!), { "content-type": "application/json" });
    expect(await response.json()).toEqual({ partialSuccess: { rejectedSpans: "1", errorMessage: expect.stringContaining("credential.fingerprint") } });
    const usage = await database.prisma.usageEvent.count();
    const junk = await post(otlpTracesRoute, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x7f]), { "content-type": "application/x-protobuf" });
    expect(junk.status).toBe(400);
    expect((await errorOf(junk)).message).toMatch(/^Not a valid OTLP ExportTraceServiceRequest/);
    expect(await database.prisma.usageEvent.count()).toBe(usage);
  });
});

describe("fuzzed bodies through the route", () => {
  it("answers 1,000 generated-then-mutated bodies with 2xx or a 4xx and a message, never 5xx, and never half a batch", async () => {
    const fc = (await import("fast-check")).default;
    const fields = ["id", "time", "traceId", "spanId", "credential", "caller", "target", "tool", "outcome", "parentSpanId", "extra"];
    let n = 0;
    // The per-key budget (600 a minute) would answer 429 from the 601st body on: one key per 400 runs.
    const keys3 = [await key(actors.admin, ["usage:write"]), await key(actors.admin, ["usage:write"]), await key(actors.admin, ["usage:write"])];
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: fc.constantFrom(...fields), value: fc.oneof(fc.anything(), fc.string(), fc.constant(null)), mutate: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("application/x-ndjson", "application/json"),
        async (mutations, type) => {
          const events = mutations.map((m) => (m.mutate ? { ...event({ id: `fz-${n++}` }), [m.key]: m.value } : event({ id: `fz-${n++}` })));
          const before = await database.prisma.usageEvent.count();
          const body = type === "application/json" ? JSON.stringify(events) : ndjson(events);
          const response = await post(ingestUsageRoute, body, { "content-type": type }, keys3[Math.floor(runs++ / 400)]);
          const after = await database.prisma.usageEvent.count();
          expect(response.status).toBeLessThan(500);
          if (response.status === 200) {
            // A mutated id can repeat one an earlier body already stored (same event time): a duplicate, skipped and counted.
            const answer = ((await response.json()) as { data: { received: number; accepted: number; duplicates: number } }).data;
            expect(answer.received).toBe(events.length);
            expect(answer.accepted + answer.duplicates).toBe(events.length);
            expect(after - before).toBe(answer.accepted);
          } else {
            expect(response.status).toBe(400);
            expect((await errorOf(response)).message.length).toBeGreaterThan(10);
            expect(after).toBe(before);
          }
        },
      ),
      { numRuns: 1000, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );
  }, 240_000);
});
