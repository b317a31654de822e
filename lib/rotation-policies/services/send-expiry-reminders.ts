import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DAY, dueReminders } from "@/lib/rotation-policies/match";
import { approversOf } from "@/lib/workflows/services/notify-workflow";

/**
 * Expiry reminders: a credential expiring within a lead time tells its owner and team once per lead
 * time and expiry date. The expiry_reminders row is the "once": it is inserted first (ON CONFLICT DO
 * NOTHING) and the notice written only when the insert took, in the same transaction — so two runs
 * at once remind once. When several lead times are due together (a 5-day credential first seen by
 * a 30/7/1 policy) one notice goes out, for the nearest.
 */

const BATCH = 1000;

export const EXPIRY_REMINDER_KIND = "credential.expiry_reminder";

export async function sendExpiryReminders(prisma: PrismaClient, leadDays: readonly number[], now = new Date()): Promise<{ sent: number }> {
  if (leadDays.length === 0) return { sent: 0 };
  const horizon = new Date(now.getTime() + Math.max(...leadDays) * DAY);
  const credentials = await prisma.credential.findMany({
    where: { status: "active", expiresAt: { gt: now, lte: horizon } },
    select: { id: true, name: true, expiresAt: true, ownerId: true, teamId: true },
    orderBy: { expiresAt: "asc" },
    take: BATCH,
  });
  let sent = 0;
  for (const c of credentials) {
    const expiresAt = c.expiresAt!;
    const due = dueReminders(leadDays, expiresAt.getTime(), now.getTime());
    if (due.length === 0) continue;
    const known = await prisma.expiryReminder.count({ where: { credentialId: c.id, expiresAt, leadDays: { in: due } } });
    if (known === due.length) continue;
    await prisma.$transaction(async (tx) => {
      const taken = await tx.expiryReminder.createMany({ data: due.map((d) => ({ credentialId: c.id, leadDays: d, expiresAt, sentAt: now })), skipDuplicates: true });
      if (taken.count === 0) return;
      const recipients = await approversOf(tx, c);
      if (recipients.length === 0) return;
      const days = Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY));
      await tx.notification.createMany({
        data: recipients.map((recipientId) => ({
          recipientId,
          kind: EXPIRY_REMINDER_KIND,
          targetType: "credential",
          targetId: c.id,
          title: `“${c.name}” expires in ${days} day${days === 1 ? "" : "s"}`,
          detail: `on ${expiresAt.toISOString().slice(0, 10)}: request its rotation before then, or let it lapse if nothing uses it`,
          href: `/inventory/${c.id}?action=rotate`,
          createdAt: now,
        })),
      });
      sent += recipients.length;
    });
  }
  return { sent };
}
