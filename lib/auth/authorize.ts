import type { TActor } from "@/lib/auth/actor";
import { actorReach } from "@/lib/auth/access";
import type { TPermission } from "@/lib/auth/permissions";
import { reachCondition } from "@/lib/auth/resource-scope";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordDenial, type TDenialTarget } from "@/lib/server/record-denial";

/**
 * The authorization seam: every action, route and privileged read passes here.
 *   1. `authorize` — the role gate (and an API key's scopes), before any input is read.
 *   2. `authorizeResources` — the resource gate, inside the operation's transaction: it locks the
 *      target rows first, so ownership cannot change between the check and the write.
 * Pages ask the same question without a database through `allows` (lib/auth/access.ts).
 */

export type TResourceType = "credential" | "identity" | "mcp_server" | "review_item";
/** What an operation acts on, computed from its validated input. */
export type TResourceRef = { type: TResourceType; ids: readonly string[] };
export type TLockedResource = { id: string; name: string; ownerId: string | null; teamId: string | null };

const RESOURCES: Record<TResourceType, { table: string; one: string; many: string }> = {
  credential: { table: "credentials", one: "credential", many: "credentials" },
  identity: { table: "identities", one: "identity", many: "identities" },
  mcp_server: { table: "mcp_servers", one: "MCP server", many: "MCP servers" },
  // An access review item is "owned" by the reviewer it is assigned to and the credential's team (lib/reviews).
  review_item: { table: "review_items", one: "review item", many: "review items" },
};

/** A resource gate refusal; the pipeline records it after the transaction has rolled back. */
export class ResourceDenied extends AppError {
  constructor(
    readonly resourceType: TResourceType,
    readonly deniedIds: string[],
    message: string,
  ) {
    super("FORBIDDEN", message);
  }
}

/** The role gate: UNAUTHENTICATED without an actor; FORBIDDEN (recorded, rate-limited) without the permission. */
export async function authorize(prisma: PrismaClient, actor: TActor | null, permission: TPermission, gate: Omit<TDenialTarget, "permission">): Promise<TActor> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!actorReach(actor, permission)) {
    await recordDenial(prisma, actor, { ...gate, permission });
    throw new AppError("FORBIDDEN", actor.apiKey ? "This API key's scopes do not allow this." : undefined);
  }
  return actor;
}

type TLockedRow = { id: string; name: string; owner_id: string | null; team_id: string | null; in_reach: boolean };

/**
 * The resource gate: locks the targets (id order, so concurrent batches cannot deadlock), then
 * NOT_FOUND if any is gone, FORBIDDEN (`ResourceDenied`) if any lies outside the actor's reach.
 */
export async function authorizeResources(tx: Prisma.TransactionClient, actor: TActor, permission: TPermission, ref: TResourceRef): Promise<TLockedResource[]> {
  const reach = actorReach(actor, permission);
  if (!reach) throw new AppError("FORBIDDEN");
  const spec = RESOURCES[ref.type];
  const ids = [...new Set(ref.ids)].sort();
  const values: unknown[] = [ids];
  const p = { add: (value: unknown, cast: string) => (values.push(value), `$${values.length}::${cast}`) };
  const rows = await tx.$queryRawUnsafe<TLockedRow[]>(
    `SELECT t.id::text AS id, t.name, t.owner_id::text AS owner_id, t.team_id::text AS team_id, ${reachCondition(reach, actor, p, "t")} AS in_reach
       FROM ${spec.table} t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id FOR UPDATE`,
    ...values,
  );
  if (rows.length !== ids.length) {
    const missing = ids.length - rows.length;
    throw new AppError("NOT_FOUND", ids.length === 1 ? `No such ${spec.one}.` : `${missing} of the selected ${spec.many} no longer exist.`);
  }
  const denied = rows.filter((r) => !r.in_reach);
  if (denied.length > 0) {
    const names = denied.slice(0, 3).map((r) => `“${r.name}”`).join(", ") + (denied.length > 3 ? ` and ${denied.length - 3} more` : "");
    throw new ResourceDenied(ref.type, denied.map((r) => r.id), `You can act only on ${spec.many} that you or your team own: ${names} ${denied.length === 1 ? "is" : "are"} not.`);
  }
  return rows.map((r) => ({ id: r.id, name: r.name, ownerId: r.owner_id, teamId: r.team_id }));
}

/** Records a resource gate refusal once its transaction has rolled back. */
export async function recordResourceDenial(prisma: PrismaClient, actor: TActor, permission: TPermission, denied: ResourceDenied): Promise<void> {
  await recordDenial(prisma, actor, {
    targetType: denied.resourceType,
    targetId: denied.deniedIds[0]!,
    permission,
    ...(denied.deniedIds.length > 1 ? { detail: { denied: denied.deniedIds.length } } : {}),
  });
}
