import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { TActor } from "@/lib/auth/actor";
import { actorReach, allows, type TOwnedResource } from "@/lib/auth/access";
import { getCurrentActor, requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getFilterOptions } from "@/lib/inventory/queries";
import type { TFilterOptions } from "@/lib/inventory/types";

/** Route ids are UUIDs; anything else is a 404 without touching the database. */
export const ENTITY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TEntityKind = "credential" | "identity" | "mcpServer" | "provider" | "workflow" | "workflowBatch" | "reviewCampaign";

/** The entity's name, or null when no row has this id; read once per request (title, layout, page). */
const entityName = cache(async (kind: TEntityKind, id: string): Promise<string | null> => {
  const prisma = await db();
  const where = { where: { id: id.toLowerCase() }, select: { name: true } };
  const found =
    kind === "credential" ? await prisma.credential.findUnique(where)
    : kind === "identity" ? await prisma.identity.findUnique(where)
    : kind === "provider" ? await prisma.provider.findUnique(where)
    : kind === "reviewCampaign" ? await prisma.reviewCampaign.findUnique(where)
    : kind === "workflowBatch" ? await prisma.workflowBatch.findUnique({ where: where.where, select: { eligible: true } }).then((b) => b && { name: `Bulk revocation of ${b.eligible.toLocaleString("en")}` })
    : kind === "workflow" ? await prisma.workflow.findUnique({ where: where.where, select: { kind: true, credential: { select: { name: true } } } }).then((w) => w && { name: `${w.kind === "rotation" ? "Rotation" : "Revocation"} of ${w.credential.name}` })
    : await prisma.mcpServer.findUnique(where);
  return found?.name ?? null;
});

/**
 * The browser-tab title of a detail page. Metadata is resolved beside the page, even for a visitor
 * the page then redirects to sign-in, so the name is read only for a signed-in actor.
 */
export async function entityTitle(kind: TEntityKind, id: string, fallback: string): Promise<string> {
  if (!ENTITY_ID.test(id) || !(await getCurrentActor())) return fallback;
  return (await entityName(kind, id)) ?? fallback;
}

/**
 * The detail segment's layout calls this before anything streams. The segment's loading.tsx (a
 * Suspense boundary) sits below the layout, so a notFound() here still sets HTTP 404; thrown from
 * the page, inside that boundary, the 200 shell would already be on the wire.
 */
export async function requireEntity(kind: TEntityKind, rawId: string): Promise<void> {
  if (!ENTITY_ID.test(rawId)) notFound();
  await requireActor();
  if ((await entityName(kind, rawId)) === null) notFound();
}

/**
 * The common opening of a detail page: a malformed id is a 404 without touching the database, the
 * visitor must be signed in, and a missing row is a 404.
 */
export async function loadEntityPage<T>(
  rawId: string,
  load: (prisma: Awaited<ReturnType<typeof db>>, id: string, actor: TActor) => Promise<T | null>,
): Promise<{ actor: TActor; data: T }> {
  if (!ENTITY_ID.test(rawId)) notFound();
  const actor = await requireActor();
  const data = await load(await db(), rawId.toLowerCase(), actor);
  if (data === null) notFound();
  return { actor, data };
}

type TLoad<T> = (prisma: Awaited<ReturnType<typeof db>>, id: string, actor: TActor) => Promise<T | null>;

/** Who owns a detail page's entity, as the authorization seam reads it. */
const ownerOf = (e: { owner: { id: string } | null; team: { id: string } | null }): TOwnedResource => ({ ownerId: e.owner?.id ?? null, teamId: e.team?.id ?? null });

/**
 * A detail-page loader that also reads the owner and team choices when the viewer may assign them
 * on this entity (the "Assign owner" dialog; `options` is null otherwise), in parallel with the
 * page's own data. `entityOf` picks the owned entity out of the page's data.
 */
export function withOwnershipOptions<T extends object>(
  load: TLoad<T>,
  entityOf: (data: T) => { owner: { id: string } | null; team: { id: string } | null },
): TLoad<T & { options: TFilterOptions | null }> {
  return async (prisma, id, actor) => {
    const [data, options] = await Promise.all([load(prisma, id, actor), actorReach(actor, "ownership.assign") ? getFilterOptions(prisma, actor) : null]);
    return data && { ...data, options: options && allows(actor, "ownership.assign", ownerOf(entityOf(data))) ? options : null };
  };
}
