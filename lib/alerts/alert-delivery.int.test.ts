import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import {
  createAlertDestinationOperation, deleteAlertDestinationOperation, resendAlertDeliveryOperation, testAlertDestinationOperation, updateAlertDestinationOperation,
} from "@/lib/alerts/operations";
import type { TAlertEnvelope } from "@/lib/alerts/payload";
import { readAlertDestination } from "@/lib/alerts/queries";
import { deliverDueAlerts } from "@/lib/alerts/services/deliver-due-alerts";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { closedPortUrl, startPeer } from "@/lib/connectors/testing/peer";
import { verifyDelivery } from "@/lib/delivery/signature";
import { resetEnvCache } from "@/lib/env";
import { executeOperation, type TOperation } from "@/lib/server/execute";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { decideAlertOperation } from "@/lib/usage/operations";
import type { TUsageEvent } from "@/lib/usage/schemas";
import { applyPendingUsage } from "@/lib/usage/services/apply-pending-usage";
import { ingestUsage } from "@/lib/usage/services/ingest-usage";
import { USAGE_FACTORS } from "@/lib/usage/usage-factors";
import { connectorKeys } from "@/lib/workflows/testing/workflow-fixture";

/**
 * Alert delivery against real receivers started here: a generic webhook that verifies the
 * signature as receivers are told to, a Slack-format receiver checking the incoming-webhook shape
 * Slack documents (text + Block Kit blocks), a SIEM collector parsing NDJSON behind a bearer token.
 * A finding raised by the usage.apply job is written to the outbox in its transaction and sent by
 * the job; repeats, acknowledged and resolved findings behave as the Alerts page does; failures
 * (500, timeout, refused connection, 400) are retried with back-off, then `failed` and re-sendable.
 */

type TReceived = { path: string; body: string; headers: IncomingHttpHeaders };
let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let receiver: Awaited<ReturnType<typeof startPeer>>;
const received: TReceived[] = [];
/** Scripted answers per path: a status, or "hang" (never answers: the timeout). */
const answers: Record<string, (number | "hang")[]> = {};
const saved = process.env.TOKENWARD_CONNECTOR_KEYS;
const FORWARDED = "ghp_alertDeliveryForwardedToken00000001";
const SIEM_TOKEN = "siem-bearer-token-0123456789abcdef";
const SLACK_PATH = "/slack/services/T000/B000/XXXXsecretpartXXXX";

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  const provider = await database.prisma.provider.create({ data: { name: "GitHub (alert delivery)", type: "github" } });
  await database.prisma.credential.create({ data: { name: "agent token (forwarded)", kind: "pat", providerId: provider.id, fingerprint: fingerprintOf(FORWARDED), hint: FORWARDED.slice(-4), source: "sync" } });
  receiver = await startPeer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, body, headers: req.headers });
      const answer = answers[path]?.shift() ?? (path.startsWith("/slack") ? 200 : 204);
      if (answer === "hang") return;
      res.writeHead(answer, { "content-type": "text/plain" });
      res.end(answer >= 400 ? "receiver says no" : path.startsWith("/slack") ? "ok" : "");
    });
  });
});
afterAll(async () => {
  await receiver?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = saved;
  resetEnvCache();
});
beforeEach(() => {
  received.length = 0;
  for (const k of Object.keys(answers)) delete answers[k];
});

const run = <S extends z.ZodType, D, P>(op: TOperation<S, D, P>, actor: TActor, input: unknown) => executeOperation(database.prisma, op, actor, input);
async function create(input: Record<string, unknown>) {
  const r = await run(createAlertDestinationOperation, actors.security, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}
let traces = 0;
async function passthroughHop(at = Date.now()) {
  const id = `alert-trace-${++traces}`;
  const t = (s: number) => new Date(at + s * 1000).toISOString();
  const events: TUsageEvent[] = [
    { id: `${id}-1`, time: t(0), traceId: id, spanId: `${id}-a`, credential: { fingerprint: fingerprintOf(FORWARDED) }, caller: { kind: "agent", id: "research-agent" }, target: { kind: "mcp_server", id: "github-mcp", audience: "https://github-mcp.internal/mcp" }, tool: "search", outcome: "allowed" },
    { id: `${id}-2`, time: t(1), traceId: id, spanId: `${id}-b`, parentSpanId: `${id}-a`, credential: { fingerprint: fingerprintOf(FORWARDED) }, caller: { kind: "mcp_server", id: "github-mcp" }, target: { kind: "provider_api", id: "api.github.com", audience: "https://api.github.com" }, outcome: "allowed" },
  ];
  await database.prisma.$transaction((tx) => ingestUsage(tx, events));
  await applyPendingUsage(database.prisma);
}
const deliveries = () => database.prisma.alertDelivery.findMany({ where: { test: false }, orderBy: { createdAt: "asc" } });

/** What Slack documents for an incoming webhook with blocks: a `text` fallback and Block Kit blocks within their limits. */
function checkSlackShape(body: unknown) {
  const m = body as { text?: unknown; blocks?: { type: string; text?: { type: string; text: string }; fields?: { type: string; text: string }[]; elements?: { type: string; text: string }[] }[] };
  expect(typeof m.text).toBe("string");
  expect(Array.isArray(m.blocks) && m.blocks.length >= 1 && m.blocks.length <= 50).toBe(true);
  for (const b of m.blocks!) {
    expect(["header", "section", "context", "divider"]).toContain(b.type);
    if (b.type === "header") {
      expect(b.text).toMatchObject({ type: "plain_text", text: expect.any(String) });
      expect(b.text!.text.length).toBeLessThanOrEqual(150);
    }
    if (b.type === "section") {
      expect(["mrkdwn", "plain_text"]).toContain(b.text!.type);
      expect(b.text!.text.length).toBeLessThanOrEqual(3000);
      expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    if (b.type === "context") expect(b.elements!.length).toBeGreaterThan(0);
  }
}

describe("alert destinations", () => {
  it("refuses hostile input and other roles, writing nothing", async () => {
    const before = await snapshotCounts(database.prisma);
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ kind: "webhook", name: "x", url: "http://siem.example.test/hook" }, /https only/],
      [{ kind: "webhook", name: "x", url: "https://user:pass@siem.example.test/hook" }, /no credentials in the URL/],
      [{ kind: "webhook", name: "x", url: "ftp://siem.example.test/hook" }, /https only/],
      [{ kind: "webhook", name: "x", url: "javascript:alert(1)" }, /https only/],
      [{ kind: "siem", name: "x", url: "not a url" }, /must be a URL/],
      [{ kind: "slack", name: "x", url: "https://hooks.slack.com/" }, /whole incoming-webhook URL/],
      [{ kind: "webhook", name: "x", url: "https://a.example.test/h#frag" }, /fragment/],
      [{ kind: "pager", name: "x", url: "https://a.example.test/h" }, /webhook, slack or siem/],
      [{ kind: "webhook", name: " ", url: "https://a.example.test/h" }, /Name the destination/],
      [{ kind: "webhook", name: "x", url: "https://a.example.test/h", minSeverity: "none" }, /low, medium, high or critical/],
      [{ kind: "webhook", name: "x", url: "https://a.example.test/h", detectors: ["passthrough", "passthrough"] }, /at most once/],
      [{ kind: "webhook", name: "x", url: "https://a.example.test/h", detectors: ["stale"] }, /usage detectors/],
      [{ kind: "webhook", name: "x", url: "https://a.example.test/h", token: "t" }, /.+/],
      [{ kind: "siem", name: "x", url: "https://a.example.test/h", token: "has space" }, /printable ASCII/],
      [{ kind: "webhook", name: "x".repeat(101), url: "https://a.example.test/h" }, /at most 100/],
    ];
    for (const [input, message] of bad) {
      const r = await run(createAlertDestinationOperation, actors.security, input);
      expect(!r.ok && [r.error.code, r.error.message], JSON.stringify(input)).toEqual(["VALIDATION", expect.stringMatching(message)]);
    }
    for (const role of ["owner", "auditor"] as const) {
      const r = await run(createAlertDestinationOperation, actors[role], { kind: "webhook", name: "x", url: "https://a.example.test/h" });
      expect(!r.ok && r.error.code).toBe("FORBIDDEN");
    }
    expect(await database.prisma.alertDestination.count()).toBe(0);
    expect(await snapshotCounts(database.prisma)).toEqual({ ...before, auditEvents: before.auditEvents + 2 }); // the two access.denied
    expect((await run(updateAlertDestinationOperation, actors.security, { id: "00000000-0000-4000-8000-000000000000", enabled: false })).ok).toBe(false);
    expect(await run(resendAlertDeliveryOperation, actors.security, { deliveryId: "nope" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("a new finding reaches the webhook (signed), Slack (its format) and the SIEM (NDJSON, bearer) once; filters hold; nothing secret is stored in clear", async () => {
    const hook = await create({ kind: "webhook", name: "soc webhook", url: `${receiver.url}/hook` });
    expect(hook.signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const slack = await create({ kind: "slack", name: "soc slack", url: `${receiver.url}${SLACK_PATH}` });
    expect(slack.signingSecret).toBeNull();
    await create({ kind: "siem", name: "soc siem", url: `${receiver.url}/siem/collector`, token: SIEM_TOKEN });
    await create({ kind: "webhook", name: "only sharing", url: `${receiver.url}/shared-only`, detectors: ["shared"] });

    await passthroughHop(Date.now() - 3_600_000);
    const risk = await database.prisma.credentialRisk.findFirstOrThrow({ where: { credential: { fingerprint: fingerprintOf(FORWARDED) } } });
    const findings = risk.factorIds.filter((f) => (USAGE_FACTORS as readonly string[]).includes(f));
    expect(findings).toContain("passthrough");
    const rows = await deliveries();
    // Three destinations take every finding; "only sharing" takes only a sharing one.
    expect(rows).toHaveLength(findings.length * 3 + (findings.includes("shared") ? 1 : 0));
    expect(rows.every((r) => r.status === "pending" && r.attempts === 0)).toBe(true);
    const job = await database.prisma.job.findUnique({ where: { id: "alerts.deliver" } });
    expect(job?.status).toBe("queued");

    expect(await deliverDueAlerts(database.prisma)).toEqual({ delivered: rows.length, retrying: 0, failed: 0 });
    expect(received).toHaveLength(rows.length);

    const hooks = received.filter((r) => r.path === "/hook");
    expect(hooks).toHaveLength(findings.length);
    for (const h of hooks) {
      expect(verifyDelivery(hook.signingSecret!, h.body, h.headers["tokenward-signature"] as string)).toBe(true);
      expect(verifyDelivery(hook.signingSecret!, `${h.body} `, h.headers["tokenward-signature"] as string)).toBe(false);
      const envelope = JSON.parse(h.body) as TAlertEnvelope;
      expect(envelope).toMatchObject({ event: "alert.raised", id: h.headers["idempotency-key"], alert: { credential: { name: "agent token (forwarded)" }, severity: risk.level } });
      expect(rows.map((r) => r.id)).toContain(envelope.id);
    }
    expect(hooks.map((h) => (JSON.parse(h.body) as TAlertEnvelope).alert.detector).sort()).toEqual([...findings].sort());

    const slacks = received.filter((r) => r.path === SLACK_PATH);
    expect(slacks).toHaveLength(findings.length);
    for (const s of slacks) {
      expect(s.headers["content-type"]).toBe("application/json");
      expect(s.headers["tokenward-signature"]).toBeUndefined();
      checkSlackShape(JSON.parse(s.body));
      expect(s.body).toContain("agent token (forwarded)");
    }

    const siem = received.filter((r) => r.path === "/siem/collector");
    expect(siem).toHaveLength(findings.length);
    for (const s of siem) {
      expect(s.headers.authorization).toBe(`Bearer ${SIEM_TOKEN}`);
      expect(s.headers["content-type"]).toBe("application/x-ndjson");
      expect(s.body.endsWith("\n")).toBe(true);
      const lines = s.body.trimEnd().split("\n").map((l) => JSON.parse(l) as TAlertEnvelope);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ event: "alert.raised", id: s.headers["idempotency-key"], alert: { detector: expect.any(String), evidence: expect.any(String) } });
    }
    expect((await deliveries()).every((r) => r.status === "delivered" && r.attempts === 1 && r.deliveredAt)).toBe(true);

    // Secrets: the Slack URL, the token and the signing secret appear nowhere Tokenward writes in clear.
    const written = JSON.stringify(
      await Promise.all([database.prisma.alertDestination.findMany(), database.prisma.alertDelivery.findMany(), database.prisma.alertDeliveryAttempt.findMany(), database.prisma.auditEvent.findMany(), database.prisma.job.findMany()]),
      (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
    for (const secret of ["XXXXsecretpartXXXX", SIEM_TOKEN, hook.signingSecret!]) expect(written).not.toContain(secret);
    const audit = await database.prisma.auditEvent.findMany({ where: { action: "alert_destinations.create" } });
    expect(audit.map((a) => (a.summary as { kind: string }).kind).sort()).toEqual(["siem", "slack", "webhook", "webhook"]);
    const list = await readAlertDestination(database.prisma, slack.id);
    expect(list?.destination.urlHint).toBe(`${receiver.url}/…`);
  });

  it("a repeat of an open finding is not re-alerted; an acknowledged one never; a resolved one again after a newer hop", async () => {
    const count = async () => (await deliveries()).length;
    const before = await count();
    await passthroughHop(Date.now() - 1_800_000);
    expect(await count()).toBe(before);

    const credential = await database.prisma.credential.findFirstOrThrow({ where: { fingerprint: fingerprintOf(FORWARDED) } });
    const decide = (decision: string) => run(decideAlertOperation, actors.security, { credentialId: credential.id, factor: "passthrough", decision, comment: "checked by the SOC" });
    expect(await decide("resolved")).toMatchObject({ ok: true });
    await passthroughHop(Date.now() + 1000);
    const after = await deliveries();
    const fresh = after.slice(before);
    expect(fresh.length).toBeGreaterThan(0);
    expect(new Set(fresh.map((r) => r.factor))).toEqual(new Set(["passthrough"]));

    expect(await decide("acknowledged")).toMatchObject({ ok: true });
    await passthroughHop(Date.now() + 5000);
    expect(await count()).toBe(after.length);
    await deliverDueAlerts(database.prisma);
  });

  it("retries 500s and a timeout with back-off until delivered; a refused connection ends failed, visible, and re-sendable; a 400 fails at once", async () => {
    let now = Date.now();
    const clock = () => new Date(now);
    const sendDue = () => deliverDueAlerts(database.prisma, { now: clock, backoffMs: 1000, timeoutMs: 300 });
    const flaky = await create({ kind: "webhook", name: "flaky", url: `${receiver.url}/flaky` });
    const test = await run(testAlertDestinationOperation, actors.security, { id: flaky.id });
    expect(test).toMatchObject({ ok: true, data: { ok: true, status: 204 } });
    expect(received.at(-1)).toMatchObject({ path: "/flaky" });
    expect(JSON.parse(received.at(-1)!.body)).toMatchObject({ event: "alert.test", alert: { test: true } });
    expect(await database.prisma.auditEvent.count({ where: { action: "alert_destinations.test" } })).toBe(1);

    // Failing test: recorded as failed with the receiver's answer, then re-sent through the job.
    answers["/flaky"] = [500, 500, "hang"];
    const failing = await run(testAlertDestinationOperation, actors.security, { id: flaky.id });
    expect(failing).toMatchObject({ ok: true, data: { ok: false, status: 500, error: expect.stringContaining("HTTP 500") } });
    const history = await readAlertDestination(database.prisma, flaky.id);
    const failed = history!.deliveries.find((d) => d.status === "failed")!;
    expect(failed).toMatchObject({ test: true, attempts: 1, lastStatus: 500 });
    expect((await run(resendAlertDeliveryOperation, actors.owner, { deliveryId: failed.id })).ok).toBe(false);
    expect(await run(resendAlertDeliveryOperation, actors.security, { deliveryId: failed.id })).toMatchObject({ ok: true });
    expect(await run(resendAlertDeliveryOperation, actors.security, { deliveryId: failed.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    now = Date.now() + 10; // the re-send queued it for "now" on the real clock
    expect(await sendDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 }); // 500
    expect(await sendDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 }); // backing off
    now += 1_500;
    expect(await sendDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 }); // hang → timeout
    now += 2_500;
    expect(await sendDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const done = await readAlertDestination(database.prisma, flaky.id);
    const redone = done!.deliveries.find((d) => d.id === failed.id)!;
    expect(redone).toMatchObject({ status: "delivered", attempts: 4, lastError: null }); // tries, re-send included
    const tries = done!.attempts.filter((a) => a.deliveryId === failed.id);
    expect(tries.map((a) => [a.ok, a.httpStatus])).toEqual([[true, 204], [false, null], [false, 500], [false, 500]]);
    expect(tries[1]!.error).toMatch(/did not answer within 0.3 s/);
    const bodies = received.filter((r) => r.path === "/flaky").slice(-4).map((r) => JSON.parse(r.body) as TAlertEnvelope);
    expect(new Set(bodies.map((b) => b.id))).toEqual(new Set([failed.id])); // one idempotency key throughout

    // Nothing listens: retried up to the bound, then failed with the last error.
    const gone = await create({ kind: "siem", name: "gone", url: `${await closedPortUrl()}/collector` });
    await database.prisma.alertDelivery.create({ data: { id: crypto.randomUUID(), destinationId: gone.id, payload: { ...(JSON.parse(received[0]!.body) as TAlertEnvelope).alert }, nextAttemptAt: clock() } });
    for (let i = 0; i < 6; i++) {
      await deliverDueAlerts(database.prisma, { now: clock, backoffMs: 1000, maxAttempts: 4 });
      now += 10_000;
    }
    const [dead] = (await readAlertDestination(database.prisma, gone.id))!.deliveries;
    expect(dead).toMatchObject({ status: "failed", attempts: 4, lastError: expect.stringMatching(/Could not reach/) });

    // A refusal is final: no retry.
    answers["/refuses"] = [400];
    const refuses = await create({ kind: "slack", name: "refuses", url: `${receiver.url}/refuses` });
    const r = await run(testAlertDestinationOperation, actors.admin, { id: refuses.id });
    expect(r).toMatchObject({ ok: true, data: { ok: false, status: 400 } });
  });

  it("disabled destinations are skipped; filters edit; delete takes the history with it, audited", async () => {
    const d = await create({ kind: "webhook", name: "to delete", url: `${receiver.url}/deleted` });
    expect(await run(updateAlertDestinationOperation, actors.security, { id: d.id, enabled: false, minSeverity: "high", detectors: ["passthrough"] })).toMatchObject({ ok: true });
    const row = await database.prisma.alertDestination.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ enabled: false, minSeverity: "high", detectors: ["passthrough"] });
    await database.prisma.alertDelivery.create({ data: { id: crypto.randomUUID(), destinationId: d.id, payload: { detector: "passthrough" }, nextAttemptAt: new Date() } });
    await deliverDueAlerts(database.prisma);
    expect(received.filter((r) => r.path === "/deleted")).toHaveLength(0);
    expect(await run(deleteAlertDestinationOperation, actors.admin, { id: d.id })).toMatchObject({ ok: true });
    expect(await database.prisma.alertDelivery.count({ where: { destinationId: d.id } })).toBe(0);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "alert_destinations.delete" } });
    expect(audit.summary).toMatchObject({ name: "to delete", deliveries: 1 });
  });
});
