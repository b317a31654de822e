import "server-only";
import type { TActor } from "@/lib/auth/actor";
import type { TTx } from "@/lib/server/execute";

/**
 * Tells the new owner, and the members of the new team, that something was assigned to them — in
 * the caller's transaction, so a notice exists exactly when the assignment does. Whoever made the
 * change is not told about it. A batch gives each recipient one notice (with the count), not one
 * per credential.
 */

export type TAssignedThing = { type: "credential" | "identity" | "mcp_server"; id: string; name: string };

const LABEL: Record<TAssignedThing["type"], { one: string; many: string; path: string }> = {
  credential: { one: "credential", many: "credentials", path: "/inventory" },
  identity: { one: "identity", many: "identities", path: "/identities" },
  mcp_server: { one: "MCP server", many: "MCP servers", path: "/mcp-servers" },
};

type TRecipient = { userId: string; via: "owner" | "team" };

export async function notifyAssignment(
  tx: TTx,
  input: {
    actor: Pick<TActor, "id" | "name">;
    things: TAssignedThing[];
    /** The new owner when the change set one (not when it kept or cleared it). */
    owner?: { id: string } | null;
    /** The new team when the change set one. */
    team?: { id: string; name: string } | null;
    /** Already told about these things (the new owner, when the team's notice follows). */
    exclude?: string[];
  },
): Promise<number> {
  const { things, actor } = input;
  if (things.length === 0) return 0;
  const recipients = new Map<string, TRecipient>();
  if (input.owner) recipients.set(input.owner.id, { userId: input.owner.id, via: "owner" });
  if (input.team) {
    const members = await tx.teamMembership.findMany({ where: { teamId: input.team.id, user: { active: true } }, select: { userId: true } });
    for (const m of members) if (!recipients.has(m.userId)) recipients.set(m.userId, { userId: m.userId, via: "team" });
  }
  recipients.delete(actor.id);
  for (const id of input.exclude ?? []) recipients.delete(id);
  if (recipients.size === 0) return 0;

  const first = things[0]!;
  const label = LABEL[first.type];
  const single = things.length === 1;
  const href = single ? `${label.path}/${first.id}` : input.owner ? `/inventory?owner=${input.owner.id}` : `/inventory?team=${input.team?.id ?? ""}`;
  const what = single ? `The ${label.one} “${first.name}”` : `${things.length} ${label.many}`;
  const verb = single ? "was" : "were";
  await tx.notification.createMany({
    data: [...recipients.values()].map((r) => ({
      recipientId: r.userId,
      kind: "ownership.assigned",
      targetType: single ? first.type : `${first.type}_batch`,
      targetId: single ? first.id : null,
      title: r.via === "owner" ? `${what} ${verb} assigned to you` : `${what} ${verb} assigned to your team ${input.team!.name}`,
      detail: `by ${actor.name}`,
      href,
    })),
  });
  return recipients.size;
}
