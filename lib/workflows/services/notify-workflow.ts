import "server-only";
import type { TTx } from "@/lib/server/execute";

/**
 * In-app notices about a workflow, written in the transaction that changed it. The people who may
 * decide are the credential's owner and the active members of its team — never the one who acted.
 */

export async function approversOf(tx: TTx, credential: { ownerId: string | null; teamId: string | null }): Promise<string[]> {
  const ids = new Set<string>();
  if (credential.ownerId) {
    const owner = await tx.user.findUnique({ where: { id: credential.ownerId }, select: { id: true, active: true } });
    if (owner?.active) ids.add(owner.id);
  }
  if (credential.teamId) {
    const members = await tx.teamMembership.findMany({ where: { teamId: credential.teamId, user: { active: true } }, select: { userId: true } });
    for (const m of members) ids.add(m.userId);
  }
  return [...ids];
}

export async function notifyWorkflow(
  tx: TTx,
  input: { recipients: string[]; exclude?: (string | null | undefined)[]; workflowId: string; kind: string; title: string; detail?: string },
): Promise<number> {
  const excluded = new Set(input.exclude?.filter(Boolean));
  const recipients = [...new Set(input.recipients)].filter((id) => !excluded.has(id));
  if (recipients.length === 0) return 0;
  await tx.notification.createMany({
    data: recipients.map((recipientId) => ({
      recipientId,
      kind: input.kind,
      targetType: "workflow",
      targetId: input.workflowId,
      title: input.title,
      detail: input.detail ?? null,
      href: `/workflows/${input.workflowId}`,
    })),
  });
  return recipients.length;
}
