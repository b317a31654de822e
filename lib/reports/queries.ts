import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TReportManifest } from "@/lib/reports/manifest";
import { REPORT_COMPLETED_ACTION, REPORT_TARGET_TYPE } from "@/lib/reports/services/stream-report-export";

/** The manifest of a finished export, from the audit chain (index on target_type, target_id, seq). */
export async function findReportManifest(prisma: Pick<PrismaClient, "auditEvent">, exportId: string): Promise<TReportManifest | null> {
  const event = await prisma.auditEvent.findFirst({
    where: { targetType: REPORT_TARGET_TYPE, targetId: exportId, action: REPORT_COMPLETED_ACTION },
    orderBy: { seq: "desc" },
    select: { summary: true },
  });
  const summary = event?.summary as { manifest?: TReportManifest } | undefined;
  return summary?.manifest ?? null;
}

/** How many exports started under this id (the route's own event included): a reused id is refused. */
export async function countExportsWithId(prisma: Pick<PrismaClient, "auditEvent">, exportId: string): Promise<number> {
  return prisma.auditEvent.count({ where: { targetType: REPORT_TARGET_TYPE, targetId: exportId, action: "report.export" } });
}
