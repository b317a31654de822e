import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TDeliveryTargetRow = { id: string; name: string; url: string; enabled: boolean; createdAt: string; workflows: number };

/** Never the signing secret. */
export async function listDeliveryTargets(prisma: PrismaClient): Promise<TDeliveryTargetRow[]> {
  const rows = await prisma.deliveryTarget.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { workflows: true } } } });
  return rows.map((t) => ({ id: t.id, name: t.name, url: t.url, enabled: t.enabled, createdAt: t.createdAt.toISOString(), workflows: t._count.workflows }));
}
