import "server-only";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";
import { mailTransport } from "@/lib/notifications/services/send-email-notices";
import { FORMAT_LABELS, REPORTS, type TReportFormat, type TReportId } from "@/lib/reports/catalogue";
import { receivesReports } from "@/lib/reports/schedules/access";
import { reportScheduleHref } from "@/lib/reports/schedules/links";

/**
 * Tells a run's recipients it is ready: a link that needs a sign-in (the schedule's page, where
 * the file and its signed manifest download, each download audited), never the file. Reports hold
 * no secrets, but an inventory is a map of who holds what: it stays behind Tokenward's sign-in and
 * its role checks, which are re-applied when the link is opened. Recipients are re-checked here,
 * as the schedule may be older than a role change.
 */

export type TMailOutcome = { mailed: number; error: string | null };

export async function mailReportRun(
  prisma: PrismaClient,
  schedule: { id: string; name: string; report: string; format: string; recipientIds: string[]; createdById: string; creatorIsAuditor: boolean },
  run: { rowCount: number; sha256: string; finishedAt: Date },
): Promise<TMailOutcome> {
  const { TOKENWARD_SMTP_URL: url, TOKENWARD_MAIL_FROM: from, AUTH_URL: base } = env();
  if (!url) return { mailed: 0, error: "not mailed: no SMTP relay is configured (TOKENWARD_SMTP_URL)" };
  const ids = schedule.creatorIsAuditor ? schedule.recipientIds.filter((id) => id === schedule.createdById) : schedule.recipientIds;
  const users = (await prisma.user.findMany({ where: { id: { in: ids } }, select: { email: true, name: true, role: true, active: true } })).filter(receivesReports);
  if (users.length === 0) return { mailed: 0, error: "not mailed: no recipient may receive reports any more" };
  const link = base ? new URL(reportScheduleHref(schedule.id), base).toString() : null;
  const title = REPORTS[schedule.report as TReportId]?.title ?? schedule.report;
  const format = FORMAT_LABELS[schedule.format as TReportFormat]?.label ?? schedule.format;
  const text = [
    `The scheduled report “${schedule.name}” (${title}, ${format}) is ready: ${run.rowCount.toLocaleString("en")} rows, generated ${run.finishedAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`,
    `SHA-256 ${run.sha256}`,
    link ? `\nDownload it and its signed manifest in Tokenward (sign-in required): ${link}` : "\nDownload it and its signed manifest from Reports → Schedules in Tokenward.",
    "\n— Tokenward. Reports are never attached to e-mail. You get this because you are a recipient of this schedule.",
  ].join("\n");
  const transport = mailTransport(url);
  let mailed = 0;
  const failures: string[] = [];
  try {
    for (const user of users) {
      try {
        await transport.sendMail({ from, to: { name: user.name, address: user.email }, subject: `[Tokenward] Report ready: ${schedule.name}`, text });
        mailed++;
      } catch (error) {
        failures.push(`${user.email}: ${(error as Error).message.slice(0, 200)}`);
      }
    }
  } finally {
    transport.close();
  }
  if (failures.length) logger.warn("scheduled report mail not sent", { scheduleId: schedule.id, failures });
  return { mailed, error: failures.length ? failures.join("; ").slice(0, 500) : null };
}
