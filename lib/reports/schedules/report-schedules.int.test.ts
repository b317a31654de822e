import { generateKeyPairSync } from "node:crypto";
import type { AddressInfo } from "node:net";
import { parse } from "csv-parse/sync";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import { resetEnvCache } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TJobRegistry } from "@/lib/jobs/registry";
import { runNextJob } from "@/lib/jobs/runner";
import { enqueueDueCronJobs } from "@/lib/jobs/worker";
import { checkReportBytes } from "@/lib/reports/manifest";
import { findReportManifest } from "@/lib/reports/queries";
import { reportScheduleJob } from "@/lib/reports/schedules/jobs";
import { createReportScheduleOperation, deleteReportScheduleOperation, pauseReportScheduleOperation, runReportScheduleOperation } from "@/lib/reports/schedules/operations";
import { downloadReportRunRoute } from "@/lib/reports/schedules/routes";
import { applyRetention, RETAINED_FILES, runScheduledReport } from "@/lib/reports/schedules/services/run-scheduled-report";
import { seedDatabase } from "@/lib/seed";
import { executeOperation } from "@/lib/server/execute";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { seededActors } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Scheduled reports end to end on PGlite and PostgreSQL: a schedule made through its operation is
 * enqueued by the worker's scheduler at its slot, the job exports as the schedule's creator, stores
 * the file, the stored bytes verify against the signed manifest in the audit chain (report:verify's
 * code), and a real SMTP server (smtp-server) receives a sign-in link, never the file. Hostile
 * inputs are refused with nothing written; auditors stay on their own schedules.
 */

const keys = generateKeyPairSync("ed25519");
const verifyKeys = [{ keyId: "schedules-test", publicKey: keys.publicKey }];
const registry: TJobRegistry = new Map([[reportScheduleJob.type, reportScheduleJob as never]]);

type TMail = { to: string[]; data: string };
let database: TTestDatabase;
let prisma: PrismaClient;
let actors: Record<TRole, TActor>;
let otherAuditor: TActor;
let smtp: SMTPServer;
const inbox: TMail[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data: data.replace(/=\r?\n/g, "") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.AUTH_URL = "https://tokenward.example.test";
  process.env.TOKENWARD_MAIL_FROM = "Tokenward <noreply@example.test>";
  process.env.TOKENWARD_AUDIT_SIGNING_KEY = keys.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  process.env.TOKENWARD_AUDIT_KEY_ID = "schedules-test";
  resetEnvCache();
  database = await createTestDatabase();
  prisma = database.prisma;
  await seedDatabase(prisma, { credentials: 40, seed: 7, demoPassword: "schedules-test-password" });
  actors = await seededActors(prisma);
  const u = await prisma.user.create({ data: { email: "auditor2@test.local", name: "Second auditor", role: "auditor" } });
  otherAuditor = { id: u.id, email: u.email, name: u.name, role: "auditor", teamIds: [] };
}, 180_000);

afterAll(async () => {
  await database?.dispose();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  process.env = saved;
  resetEnvCache();
});

beforeEach(() => {
  inbox.length = 0;
  process.env.TOKENWARD_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  resetEnvCache();
});

const base = { name: "Monthly inventory review", report: "inventory", format: "csv", filters: "risk=high,critical&sort=name", cadence: { kind: "monthly", day: 1, time: "06:00" } };

async function create(actor: TActor, input: Record<string, unknown>) {
  const result = await executeOperation(prisma, createReportScheduleOperation, actor, { ...base, ...input });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.id;
}

async function download(actor: TActor, runId: string) {
  return executeRoute(prisma, routeDefinitionOf(downloadReportRunRoute)!, actor, new Request(`http://localhost/api/v1/reports/runs/download?runId=${runId}`));
}

const counts = async () => ({ schedules: await prisma.reportSchedule.count(), runs: await prisma.reportRun.count(), audit: await prisma.auditEvent.count() });

describe("scheduled reports", () => {
  it("security's monthly inventory review: enqueued at its slot, exported as security, stored, verifies, mailed as a link", async () => {
    const id = await create(actors.security, { recipientIds: [actors.auditor.id, actors.security.id] });
    // Made last month: the latest monthly slot is owed.
    await prisma.reportSchedule.update({ where: { id }, data: { createdAt: new Date(Date.now() - 40 * 86_400_000) } });
    await enqueueDueCronJobs(prisma, registry, new Map(), new Date());
    const outcome = await runNextJob(prisma, { workerId: "schedules-test", registry });
    expect(outcome).toMatchObject({ type: "reports.scheduled", outcome: "succeeded" });

    const [run] = await prisma.reportRun.findMany({ where: { scheduleId: id } });
    expect(run).toMatchObject({ status: "succeeded", trigger: "schedule", mailed: 2, mailError: null });
    const response = await download(actors.auditor, run!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("link")).toBe(`</api/v1/reports/manifest?exportId=${run!.id}>; rel="describedby"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const manifest = (await findReportManifest(prisma, run!.id))!;
    expect(checkReportBytes(manifest, bytes, verifyKeys)).toMatchObject({ ok: true, keyId: "schedules-test" });
    expect(manifest).toMatchObject({ report: "inventory", contentFormat: "csv", filters: { risk: "high,critical", sort: "name" }, requestedBy: { id: actors.security.id, role: "security" } });
    const rows = parse(Buffer.from(bytes).toString("utf8")) as string[][];
    const expected = await prisma.credentialRisk.count({ where: { level: { in: ["high", "critical"] } } });
    expect(rows.length - 1).toBe(expected);
    expect(manifest.rowCount).toBe(expected);
    expect(run!.sha256).toBe(manifest.sha256);

    const exportEvent = await prisma.auditEvent.findFirst({ where: { action: "report.export", targetId: run!.id } });
    expect(exportEvent).toMatchObject({ actorId: actors.security.id, summary: expect.objectContaining({ scheduleId: id, trigger: "schedule" }) });
    expect(await prisma.auditEvent.count({ where: { action: "report.run_download", targetId: run!.id, actorId: actors.auditor.id } })).toBe(1);

    expect(inbox.map((m) => m.to).flat().sort()).toEqual([actors.auditor.email, actors.security.email].sort());
    for (const mail of inbox) {
      expect(mail.data).toContain(`https://tokenward.example.test/reports/schedules/${id}`);
      expect(mail.data).toContain(manifest.sha256);
      expect(mail.data).not.toContain("Credential id");
      expect(mail.data.toLowerCase()).not.toContain("content-disposition: attachment");
    }
    // The same slot is not run twice.
    await enqueueDueCronJobs(prisma, registry, new Map(), new Date());
    expect(await runNextJob(prisma, { workerId: "schedules-test", registry })).toBeNull();
  });

  it("a new schedule owes nothing for a slot before it existed; run now runs it; paused schedules are not enqueued", async () => {
    const id = await create(actors.admin, { name: "Audit extract", report: "audit", format: "json", filters: "", rangeDays: 7, cadence: { kind: "weekly", weekday: 1, time: "07:30" }, recipientIds: [actors.admin.id] });
    expect(await runScheduledReport(prisma, { scheduleId: id, trigger: "schedule" })).toMatchObject({ status: "skipped" });
    const ran = await executeOperation(prisma, runReportScheduleOperation, actors.admin, { scheduleId: id });
    expect(ran).toMatchObject({ ok: true, data: { enqueued: true } });
    expect(await runNextJob(prisma, { workerId: "schedules-test", registry })).toMatchObject({ outcome: "succeeded" });
    const run = await prisma.reportRun.findFirstOrThrow({ where: { scheduleId: id } });
    expect(run).toMatchObject({ status: "succeeded", trigger: "manual" });
    const manifest = (await findReportManifest(prisma, run.id))!;
    // The rolling window became from/to at run time.
    expect(Date.parse(manifest.filters.to!) - Date.parse(manifest.filters.from!)).toBe(7 * 86_400_000);
    const body = JSON.parse(Buffer.from(await (await download(actors.admin, run.id)).arrayBuffer()).toString("utf8")) as { rows: unknown[] };
    expect(body.rows.length).toBe(manifest.rowCount);

    expect(await executeOperation(prisma, pauseReportScheduleOperation, actors.admin, { scheduleId: id, paused: true })).toMatchObject({ ok: true });
    const entries = await reportScheduleJob.schedules!(prisma);
    expect(entries.map((e) => e.id)).not.toContain(`reports.scheduled:${id}`);
    expect(await prisma.auditEvent.count({ where: { targetType: "report_schedule", targetId: id } })).toBe(3);
  });

  it("hostile input: owners as recipients, e-mail addresses, unknown users, bad filters, every-minute crons — refused, nothing written", async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ recipientIds: [actors.owner.id] }, /owner@tokenward.local is an owner: that role does not receive exported reports/],
      [{ recipientIds: ["attacker@evil.example"] }, /not e-mail addresses/],
      [{ recipientIds: [crypto.randomUUID()] }, /is not a Tokenward user/],
      [{ recipientIds: [] }, /at least one recipient/],
      [{ recipientIds: [actors.admin.id], filters: "risk=extreme" }, /filters:.*risk/],
      [{ recipientIds: [actors.admin.id], filters: "dropTable=1" }, /not an inventory parameter/],
      [{ recipientIds: [actors.admin.id], filters: "report=audit" }, /schedule's own setting/],
      [{ recipientIds: [actors.admin.id], cadence: { kind: "cron", expression: "* * * * *" } }, /at most once an hour/],
      [{ recipientIds: [actors.admin.id], cadence: { kind: "cron", expression: "0 25 * * *" } }, /outside 0-23/],
      [{ recipientIds: [actors.admin.id], cadence: { kind: "daily", time: "6am" } }, /HH:MM/],
      [{ recipientIds: [actors.admin.id], rangeDays: 30 }, /workflow and audit reports/],
      [{ recipientIds: [actors.admin.id], report: "audit", filters: "from=2026-01-01", rangeDays: 30 }, /either a rolling window or from\/to/],
      [{ recipientIds: [actors.admin.id], format: "xlsx" }, /format must be one of/],
      [{ recipientIds: [actors.admin.id], name: "x".repeat(121) }, /120/],
      [{ recipientIds: [actors.admin.id], bcc: "x@evil.example" }, /bcc|Unrecognized/i],
    ];
    for (const [input, message] of cases) {
      const result = await executeOperation(prisma, createReportScheduleOperation, actors.security, { ...base, ...input });
      expect(result.ok, JSON.stringify(input)).toBe(false);
      expect(result.ok ? null : result.error.code, JSON.stringify(input)).toBe("VALIDATION");
      expect(result.ok ? "" : result.error.message, JSON.stringify(input)).toMatch(message);
    }
    const owner = await executeOperation(prisma, createReportScheduleOperation, actors.owner, { ...base, recipientIds: [actors.owner.id] });
    expect(owner.ok ? null : owner.error.code).toBe("FORBIDDEN");
    // The denial is recorded (audit), nothing else.
    const after = await counts();
    expect({ schedules: after.schedules, runs: after.runs }).toEqual({ schedules: before.schedules, runs: before.runs });
    expect(after.audit).toBe(before.audit + 1);
  });

  it("auditors schedule to themselves only, manage only their own, and download only what they made or receive", async () => {
    const refused = await executeOperation(prisma, createReportScheduleOperation, actors.auditor, { ...base, recipientIds: [actors.auditor.id, actors.security.id] });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: "FORBIDDEN", message: "Auditors schedule reports to themselves only." });
    const own = await create(actors.auditor, { name: "Mine", report: "frameworks", format: "pdf", filters: "", recipientIds: [actors.auditor.id] });
    const securitys = await create(actors.security, { name: "Security's", report: "frameworks", format: "csv", filters: "", recipientIds: [actors.security.id] });
    expect((await executeOperation(prisma, pauseReportScheduleOperation, actors.auditor, { scheduleId: securitys, paused: true })).ok).toBe(false);
    expect((await executeOperation(prisma, runReportScheduleOperation, actors.auditor, { scheduleId: securitys })).ok).toBe(false);
    expect((await executeOperation(prisma, deleteReportScheduleOperation, actors.auditor, { scheduleId: securitys })).ok).toBe(false);
    expect(await prisma.reportSchedule.findUniqueOrThrow({ where: { id: securitys } })).toMatchObject({ paused: false });

    const mine = await runScheduledReport(prisma, { scheduleId: own, trigger: "manual" });
    const theirs = await runScheduledReport(prisma, { scheduleId: securitys, trigger: "manual" });
    if (mine.status !== "succeeded" || theirs.status !== "succeeded") throw new Error("runs failed");
    const pdf = await download(actors.auditor, mine.runId);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await download(otherAuditor, mine.runId)).status).toBe(404);
    expect((await download(actors.auditor, theirs.runId)).status).toBe(404);
    expect((await download(actors.admin, theirs.runId)).status).toBe(200);
    expect((await download(actors.owner, theirs.runId)).status).toBe(403);

    expect(await executeOperation(prisma, deleteReportScheduleOperation, actors.auditor, { scheduleId: own })).toMatchObject({ ok: true });
    expect(await prisma.reportRun.count({ where: { scheduleId: own } })).toBe(0);
    expect(await prisma.reportRunChunk.count({ where: { runId: mine.runId } })).toBe(0);
    // Its export and manifest stay in the audit chain.
    expect(await findReportManifest(prisma, mine.runId)).not.toBeNull();
  });

  it("a creator who lost the right to export makes the run fail with the reason, no file, no mail", async () => {
    const demoted = await prisma.user.create({ data: { email: "was-security@test.local", name: "Was security", role: "security" } });
    const actor: TActor = { id: demoted.id, email: demoted.email, name: demoted.name, role: "security", teamIds: [] };
    const id = await create(actor, { recipientIds: [actors.auditor.id] });
    await prisma.user.update({ where: { id: demoted.id }, data: { role: "owner" } });
    const result = await runScheduledReport(prisma, { scheduleId: id, trigger: "manual" });
    expect(result).toMatchObject({ status: "failed", error: expect.stringMatching(/no longer exports reports/) });
    const run = await prisma.reportRun.findFirstOrThrow({ where: { scheduleId: id } });
    expect(run.status).toBe("failed");
    expect(await prisma.reportRunChunk.count({ where: { runId: run.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "report.export", targetId: run.id } })).toBe(0);
    expect(inbox).toHaveLength(0);
  });

  it("without an SMTP relay the run is stored and says it was not mailed; retention keeps the newest files", async () => {
    delete process.env.TOKENWARD_SMTP_URL;
    resetEnvCache();
    const id = await create(actors.admin, { name: "Kept", report: "frameworks", format: "csv", filters: "", recipientIds: [actors.admin.id] });
    const result = await runScheduledReport(prisma, { scheduleId: id, trigger: "manual" });
    expect(result).toMatchObject({ status: "succeeded", mailed: 0, mailError: expect.stringMatching(/no SMTP relay/) });
    // Older runs with files, as if the schedule had run for a year.
    for (let i = 1; i <= RETAINED_FILES + 2; i++) {
      const runId = crypto.randomUUID();
      await prisma.reportRun.create({ data: { id: runId, scheduleId: id, trigger: "schedule", status: "succeeded", fileName: `old-${i}.csv`, startedAt: new Date(Date.now() - i * 86_400_000) } });
      await prisma.reportRunChunk.create({ data: { runId, seq: 0, data: new TextEncoder().encode(`old ${i}`) } });
    }
    await applyRetention(prisma, id);
    const runs = await prisma.reportRun.findMany({ where: { scheduleId: id }, orderBy: { startedAt: "desc" }, include: { _count: { select: { chunks: true } } } });
    expect(runs.filter((r) => r.purgedAt === null).length).toBe(RETAINED_FILES);
    expect(runs[0]!.id).toBe(result.status === "succeeded" ? result.runId : "");
    for (const r of runs.slice(RETAINED_FILES)) expect(r._count.chunks).toBe(0);
    const purged = runs.at(-1)!;
    const response = await download(actors.admin, purged.id);
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).toMatch(/removed by retention/);
  });
});
