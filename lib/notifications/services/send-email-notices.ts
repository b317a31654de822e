import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";

/**
 * E-mail for the notices that ask someone to act (approve a request, reveal a new secret, see to a
 * failed workflow, a break-glass or bulk revocation of their credentials), through the SMTP relay in
 * TOKENWARD_SMTP_URL. Sent after the fact by a job, never inside the transaction that wrote the
 * notice, each at most once (emailed_at). A mail carries the notice's title, who acted, and a link
 * into the app (AUTH_URL + the notice's path) — never a secret, a token or a value: the notices
 * themselves never hold one. Every SMTP step has a timeout.
 */

export const EMAILED_KINDS = [
  "workflow.approval_requested",
  "workflow.awaiting_cutover",
  "workflow.awaiting_replacement",
  "workflow.failed",
  "workflow.rolling_back",
  "workflow.break_glass",
  "workflow.bulk_revocation",
  "workflow.expired",
  "workflow.rejected",
  "credential.expiry_reminder",
  "review.assigned",
  "review.reminder",
  "review.overdue",
] as const;

const BATCH = 100;
const TIMEOUT_MS = 10_000;

export type TEmailResult = { sent: number; failed: number; skipped: "no-smtp" | null };

export function mailTransport(url: string) {
  return nodemailer.createTransport(url, { connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
}

/** The address a link in a mail points at: the configured public URL, never a request's Host. */
function appLink(path: string): string | null {
  const base = env().AUTH_URL;
  return base ? new URL(path, base).toString() : null;
}

export async function sendEmailNotices(prisma: PrismaClient, options: { now?: Date } = {}): Promise<TEmailResult> {
  const { TOKENWARD_SMTP_URL: url, TOKENWARD_MAIL_FROM: from } = env();
  if (!url) return { sent: 0, failed: 0, skipped: "no-smtp" };
  const pending = await prisma.notification.findMany({
    where: { emailedAt: null, kind: { in: [...EMAILED_KINDS] }, recipient: { active: true } },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    include: { recipient: { select: { email: true, name: true } } },
  });
  if (pending.length === 0) return { sent: 0, failed: 0, skipped: null };
  const transport = mailTransport(url);
  let sent = 0;
  let failed = 0;
  try {
    for (const n of pending) {
      const link = appLink(n.href);
      const text = [`${n.title}.`, n.detail ? `\n${n.detail}` : "", link ? `\nOpen it in Tokenward: ${link}` : "", "\n\n— Tokenward. You get this because you answer for the credential."].join("");
      try {
        await transport.sendMail({ from, to: { name: n.recipient.name, address: n.recipient.email }, subject: `[Tokenward] ${n.title}`, text });
        await prisma.notification.update({ where: { id: n.id }, data: { emailedAt: options.now ?? new Date(), emailError: null } });
        sent++;
      } catch (error) {
        failed++;
        // The relay's words, for the admin; the notice stays pending and the next run tries again.
        const message = (error as Error).message.slice(0, 500);
        await prisma.notification.update({ where: { id: n.id }, data: { emailError: message } });
        logger.warn("e-mail notice not sent", { notificationId: n.id, error: message });
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed, skipped: null };
}
