import "server-only";
import type { TAlert } from "@/lib/alerts/payload";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Reads behind Settings → Alert delivery. Never a secret: the sealed config is not selected. */

export type TAlertDestinationRow = {
  id: string; name: string; kind: "webhook" | "slack" | "siem"; urlHint: string; minSeverity: string; detectors: string[]; enabled: boolean; createdAt: string;
  counts: { pending: number; delivered: number; failed: number };
};

const PUBLIC = { id: true, name: true, kind: true, urlHint: true, minSeverity: true, detectors: true, enabled: true, createdAt: true } as const;

export async function listAlertDestinations(prisma: PrismaClient): Promise<TAlertDestinationRow[]> {
  const [rows, counts] = await Promise.all([
    prisma.alertDestination.findMany({ orderBy: { name: "asc" }, select: PUBLIC }),
    prisma.alertDelivery.groupBy({ by: ["destinationId", "status"], _count: { _all: true } }),
  ]);
  return rows.map((d) => {
    const c = { pending: 0, delivered: 0, failed: 0 };
    for (const g of counts) if (g.destinationId === d.id) c[g.status] = g._count._all;
    return { ...d, createdAt: d.createdAt.toISOString(), counts: c };
  });
}

export const HISTORY_DELIVERIES = 50;
export const HISTORY_ATTEMPTS = 30;

export type TDeliveryRow = {
  /** `attempts`: every try recorded, re-sends included (the row's own counter restarts on a re-send). */
  id: string; test: boolean; detector: string | null; credential: string | null; status: "pending" | "delivered" | "failed"; attempts: number;
  lastError: string | null; lastStatus: number | null; nextAttemptAt: string | null; deliveredAt: string | null; createdAt: string;
};
export type TAttemptRow = { id: string; deliveryId: string; at: string; ok: boolean; httpStatus: number | null; error: string | null; durationMs: number };

export async function readAlertDestination(prisma: PrismaClient, id: string): Promise<{ destination: Omit<TAlertDestinationRow, "counts">; deliveries: TDeliveryRow[]; attempts: TAttemptRow[]; readAt: number } | null> {
  const destination = await prisma.alertDestination.findUnique({ where: { id }, select: PUBLIC });
  if (!destination) return null;
  const [deliveries, attempts] = await Promise.all([
    prisma.alertDelivery.findMany({ where: { destinationId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: HISTORY_DELIVERIES, include: { _count: { select: { tries: true } } } }),
    prisma.alertDeliveryAttempt.findMany({ where: { delivery: { destinationId: id } }, orderBy: [{ at: "desc" }, { id: "desc" }], take: HISTORY_ATTEMPTS }),
  ]);
  return {
    readAt: Date.now(),
    destination: { ...destination, createdAt: destination.createdAt.toISOString() },
    deliveries: deliveries.map((d) => {
      const alert = d.payload as unknown as TAlert;
      return {
        id: d.id, test: d.test, detector: d.factor ?? alert.detector ?? null, credential: alert.credential?.name ?? null, status: d.status, attempts: d._count.tries,
        lastError: d.lastError, lastStatus: d.lastStatus, nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null, deliveredAt: d.deliveredAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString(),
      };
    }),
    attempts: attempts.map((a) => ({ id: a.id, deliveryId: a.deliveryId, at: a.at.toISOString(), ok: a.ok, httpStatus: a.httpStatus, error: a.error, durationMs: a.durationMs })),
  };
}
