import "server-only";
import type { TActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRole } from "@/lib/auth/permissions";
import { canManageSchedule, canReadSchedule, managesAnySchedule } from "@/lib/reports/schedules/access";

/** Schedules and their runs as the pages show them; who sees what follows access.ts. */

export type TScheduleRow = {
  id: string; name: string; report: string; format: string; params: Record<string, string>; rangeDays: number | null; cron: string; paused: boolean;
  createdAt: Date; createdBy: { id: string; label: string }; recipients: { id: string; label: string }[]; canManage: boolean;
  lastRun: { status: string; startedAt: Date } | null;
};

export type TRunRow = {
  id: string; trigger: string; status: string; fileName: string | null; rowCount: number | null; byteLength: number | null; sha256: string | null;
  error: string | null; mailed: number; mailError: string | null; purgedAt: Date | null; startedAt: Date; finishedAt: Date | null;
};

async function labels(prisma: PrismaClient, ids: string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]));
}

export async function listReportSchedules(prisma: PrismaClient, actor: TActor): Promise<TScheduleRow[]> {
  const where = managesAnySchedule(actor.role) ? {} : { OR: [{ createdById: actor.id }, { recipientIds: { has: actor.id } }] };
  const schedules = await prisma.reportSchedule.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { runs: { orderBy: { startedAt: "desc" }, take: 1, select: { status: true, startedAt: true } } },
  });
  const names = await labels(prisma, schedules.flatMap((s) => [s.createdById, ...s.recipientIds]));
  return schedules.map((s) => ({
    id: s.id, name: s.name, report: s.report, format: s.format, params: s.params as Record<string, string>, rangeDays: s.rangeDays, cron: s.cron, paused: s.paused,
    createdAt: s.createdAt,
    createdBy: { id: s.createdById, label: names.get(s.createdById) ?? "unknown user" },
    recipients: s.recipientIds.map((id) => ({ id, label: names.get(id) ?? "unknown user" })),
    canManage: canManageSchedule(actor, s),
    lastRun: s.runs[0] ?? null,
  }));
}

/** A schedule and its recent runs, or null when it does not exist or the actor may not see it. */
export async function findReportSchedule(prisma: PrismaClient, actor: TActor, scheduleId: string): Promise<{ schedule: TScheduleRow; runs: TRunRow[] } | null> {
  const s = await prisma.reportSchedule.findUnique({ where: { id: scheduleId }, include: { runs: { orderBy: { startedAt: "desc" }, take: 50 } } });
  if (!s || !canReadSchedule(actor, s)) return null;
  const names = await labels(prisma, [s.createdById, ...s.recipientIds]);
  return {
    schedule: {
      id: s.id, name: s.name, report: s.report, format: s.format, params: s.params as Record<string, string>, rangeDays: s.rangeDays, cron: s.cron, paused: s.paused,
      createdAt: s.createdAt,
      createdBy: { id: s.createdById, label: names.get(s.createdById) ?? "unknown user" },
      recipients: s.recipientIds.map((id) => ({ id, label: names.get(id) ?? "unknown user" })),
      canManage: canManageSchedule(actor, s),
      lastRun: s.runs[0] ? { status: s.runs[0].status, startedAt: s.runs[0].startedAt } : null,
    },
    runs: s.runs.map((r) => ({
      id: r.id, trigger: r.trigger, status: r.status, fileName: r.fileName, rowCount: r.rowCount, byteLength: r.byteLength === null ? null : Number(r.byteLength),
      sha256: r.sha256, error: r.error, mailed: r.mailed, mailError: r.mailError, purgedAt: r.purgedAt, startedAt: r.startedAt, finishedAt: r.finishedAt,
    })),
  };
}

/** Who may be picked as a recipient: active users whose role exports reports. */
export async function listReportRecipients(prisma: PrismaClient): Promise<{ id: string; label: string; role: TRole }[]> {
  const users = await prisma.user.findMany({ where: { active: true, role: { in: ["admin", "security", "auditor"] } }, orderBy: { name: "asc" }, take: 500, select: { id: true, name: true, email: true, role: true } });
  return users.map((u) => ({ id: u.id, label: `${u.name} <${u.email}>`, role: u.role }));
}

/** A run with what decides who may download it. */
export async function findRunForDownload(prisma: PrismaClient, runId: string) {
  return prisma.reportRun.findUnique({
    where: { id: runId },
    select: { id: true, status: true, fileName: true, purgedAt: true, byteLength: true, schedule: { select: { id: true, createdById: true, recipientIds: true, format: true } } },
  });
}
