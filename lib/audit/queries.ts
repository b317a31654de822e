import "server-only";
import { ZAuditListQuery, type TAuditListQuery } from "@/lib/audit/schemas";
import { db } from "@/lib/db/client";

export type TAuditEventRow = {
  seq: string;
  time: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: unknown;
  hash: string;
  prevHash: string;
};

/** Newest first, keyset-paginated on seq. */
export async function listAuditEvents(query: TAuditListQuery = {}): Promise<{ items: TAuditEventRow[]; nextCursor: string | null }> {
  const { cursor, limit } = ZAuditListQuery.parse(query);
  const rows = await (await db()).auditEvent.findMany({
    where: cursor ? { seq: { lt: BigInt(cursor) } } : undefined,
    orderBy: { seq: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      seq: r.seq.toString(),
      time: r.time.toISOString(),
      actorLabel: r.actorLabel,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      summary: r.summary,
      hash: r.hash,
      prevHash: r.prevHash,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.seq.toString() : null,
  };
}
