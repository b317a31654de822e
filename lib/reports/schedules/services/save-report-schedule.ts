import "server-only";
import { randomUUID } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";
import { canManageSchedule, receivesReports } from "@/lib/reports/schedules/access";
import type { ZCreateReportSchedule } from "@/lib/reports/schedules/schemas";
import type { z } from "zod";

type TInput = z.output<typeof ZCreateReportSchedule>;

/** Checks the recipients against the users table: known, active, and of a role that exports reports. */
async function checkRecipients(tx: TTx, actor: TActor, ids: readonly string[]): Promise<void> {
  if (actor.role === "auditor" && (ids.length !== 1 || ids[0] !== actor.id)) {
    throw new AppError("FORBIDDEN", "Auditors schedule reports to themselves only.");
  }
  const users = await tx.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, email: true, role: true, active: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  const problems: string[] = [];
  for (const id of ids) {
    const user = byId.get(id);
    if (!user) problems.push(`${id} is not a Tokenward user`);
    else if (!user.active) problems.push(`${user.email} is deactivated`);
    else if (!receivesReports(user)) problems.push(`${user.email} is ${user.role === "owner" ? "an" : "a"} ${user.role}: that role does not receive exported reports`);
  }
  if (problems.length) throw new AppError("VALIDATION", `Recipients: ${problems.join("; ")}.`, { fieldErrors: { recipientIds: problems } });
}

export async function createReportSchedule(tx: TTx, actor: TActor, input: TInput): Promise<{ id: string }> {
  await checkRecipients(tx, actor, input.recipientIds);
  const id = randomUUID();
  await tx.reportSchedule.create({
    data: {
      id, name: input.name, report: input.report, format: input.format, params: input.filters, rangeDays: input.rangeDays,
      cron: input.cron, recipientIds: input.recipientIds, createdById: actor.id,
    },
  });
  return { id };
}

/** The schedule, locked, once the actor may manage it (404 for one that does not exist). */
export async function lockManagedSchedule(tx: TTx, actor: TActor, scheduleId: string) {
  await tx.$queryRawUnsafe(`SELECT id FROM report_schedules WHERE id = $1::uuid FOR UPDATE`, scheduleId);
  const schedule = await tx.reportSchedule.findUnique({ where: { id: scheduleId } });
  if (!schedule) throw new AppError("NOT_FOUND", "No such report schedule.");
  if (!canManageSchedule(actor, schedule)) throw new AppError("FORBIDDEN", "Auditors manage only the schedules they made.");
  return schedule;
}
