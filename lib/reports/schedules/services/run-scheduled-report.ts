import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditSigning } from "@/lib/audit/audit-keys";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { allows } from "@/lib/auth/access";
import { findActiveActor } from "@/lib/auth/queries";
import { prismaReader } from "@/lib/db/sql-reader";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseCron, previousSlot } from "@/lib/jobs/cron";
import { logger } from "@/lib/logging/logger";
import { findReportManifest } from "@/lib/reports/queries";
import { ZReportExportQuery } from "@/lib/reports/schemas";
import { mailReportRun } from "@/lib/reports/schedules/services/mail-report-run";
import { writeRunFile } from "@/lib/reports/schedules/services/stored-run-file";
import { startReportExport } from "@/lib/reports/services/stream-report-export";

/**
 * One run of a scheduled report (the reports.scheduled job): as the schedule's creator — who must
 * still be active and still export reports — the same export as GET /api/v1/reports/export (audited
 * `report.export` before the first byte, signed manifest `report.export_completed` after the last),
 * stored in the database, then mailed as a link. Retention keeps the newest RETAINED_FILES files per
 * schedule and RETAINED_RUNS history rows.
 */

export const RETAINED_FILES = 10;
export const RETAINED_RUNS = 100;

export type TRunTrigger = "schedule" | "manual";
export type TScheduledRunResult =
  | { status: "skipped"; reason: string }
  | { status: "succeeded"; runId: string; rowCount: number; mailed: number; mailError: string | null }
  | { status: "failed"; runId: string; error: string };

class RunRefused extends Error {}

export async function runScheduledReport(
  prisma: PrismaClient,
  input: { scheduleId: string; trigger: TRunTrigger },
  options: { now?: Date; signing?: TAuditSigning } = {},
): Promise<TScheduledRunResult> {
  const now = options.now ?? new Date();
  const schedule = await prisma.reportSchedule.findUnique({ where: { id: input.scheduleId } });
  if (!schedule) return { status: "skipped", reason: "the schedule was deleted" };
  if (input.trigger === "schedule") {
    if (schedule.paused) return { status: "skipped", reason: "paused" };
    // The worker enqueues a schedule's latest slot; a slot from before the schedule existed is not owed.
    const slot = previousSlot(parseCron(schedule.cron), now);
    if (!slot || slot < schedule.createdAt) return { status: "skipped", reason: "no slot since the schedule was made" };
  }
  const runId = randomUUID();
  await prisma.reportRun.create({ data: { id: runId, scheduleId: schedule.id, trigger: input.trigger, status: "running", startedAt: now } });
  const owner = await findActiveActor(prismaReader(prisma), schedule.createdById);
  try {
    if (!owner || !allows(owner, "reports.export")) throw new RunRefused("the schedule's creator is deactivated or no longer exports reports: an admin or security must re-create it");
    const params = schedule.params as Record<string, string>;
    const range = schedule.rangeDays ? { from: new Date(now.getTime() - schedule.rangeDays * 86_400_000).toISOString(), to: now.toISOString() } : {};
    const parsed = ZReportExportQuery.safeParse({ ...params, ...range, report: schedule.report, format: schedule.format, exportId: runId });
    if (!parsed.success) throw new RunRefused(`the saved filters no longer apply: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    const request = parsed.data;
    await prisma.$transaction((tx) =>
      appendAuditEvent(tx, owner, {
        action: "report.export",
        targetType: "report_export",
        targetId: runId,
        summary: { report: request.report, format: request.format, filters: request.asked, scheduleId: schedule.id, trigger: input.trigger },
      }),
    );
    const out = await startReportExport({ prisma, read: prismaReader(prisma), actor: owner, signing: options.signing, now }, request);
    const byteLength = await writeRunFile(prisma, runId, out.stream);
    const manifest = await findReportManifest(prisma, runId);
    if (!manifest) throw new Error("the export finished without its manifest");
    const finishedAt = new Date();
    await prisma.reportRun.update({
      where: { id: runId },
      data: { status: "succeeded", fileName: out.filename, rowCount: manifest.rowCount, byteLength: BigInt(byteLength), sha256: manifest.sha256, finishedAt },
    });
    const mail = await mailReportRun(prisma, { ...schedule, creatorIsAuditor: owner.role === "auditor" }, { rowCount: manifest.rowCount, sha256: manifest.sha256, finishedAt });
    await prisma.reportRun.update({ where: { id: runId }, data: { mailed: mail.mailed, mailError: mail.error } });
    await applyRetention(prisma, schedule.id);
    return { status: "succeeded", runId, rowCount: manifest.rowCount, mailed: mail.mailed, mailError: mail.error };
  } catch (error) {
    const message = error instanceof RunRefused ? error.message : `the export failed: ${String((error as Error).message ?? error).slice(0, 400)}`;
    if (!(error instanceof RunRefused)) logger.error("scheduled report failed", { scheduleId: schedule.id, runId, error: String(error) });
    // Nothing half-written stays: a failed run keeps its row (and the audit trail) but no file.
    await prisma.reportRunChunk.deleteMany({ where: { runId } });
    await prisma.reportRun.update({ where: { id: runId }, data: { status: "failed", error: message, finishedAt: new Date() } });
    return { status: "failed", runId, error: message };
  }
}

/** Keeps the newest files and history rows of a schedule; older files are dropped, their run rows say so. */
export async function applyRetention(prisma: PrismaClient, scheduleId: string): Promise<void> {
  const kept = await prisma.reportRun.findMany({ where: { scheduleId, status: "succeeded", purgedAt: null }, orderBy: { startedAt: "desc" }, skip: RETAINED_FILES, select: { id: true } });
  if (kept.length) {
    const ids = kept.map((r) => r.id);
    await prisma.reportRunChunk.deleteMany({ where: { runId: { in: ids } } });
    await prisma.reportRun.updateMany({ where: { id: { in: ids } }, data: { purgedAt: new Date() } });
  }
  const old = await prisma.reportRun.findMany({ where: { scheduleId }, orderBy: { startedAt: "desc" }, skip: RETAINED_RUNS, select: { id: true } });
  if (old.length) await prisma.reportRun.deleteMany({ where: { id: { in: old.map((r) => r.id) } } });
}
