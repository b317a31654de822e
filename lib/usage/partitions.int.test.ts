import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TUsageEvent } from "@/lib/usage/schemas";
import { ingestUsage } from "@/lib/usage/services/ingest-usage";
import { maintainUsagePartitions, retentionCutoff } from "@/lib/usage/services/maintain-usage-partitions";

/**
 * usage_events' monthly partitions on PGlite and PostgreSQL: hops land in their month's partition
 * (or the default one), a replay with the same id is never stored twice, the partition job creates
 * ahead and drops whole months past retention — audited, never the current month.
 */

let database: TTestDatabase;
const now = new Date();
const TOKEN = "ghp_partitionTestTokenNeverInventoried0001";

function monthsAgo(months: number, day = 15): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 12, 0, 0));
}
function partitionName(d: Date): string {
  return `usage_events_p${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

function hop(id: string, time: Date): TUsageEvent {
  return {
    id,
    time: time.toISOString(),
    traceId: `trace-${id}`,
    spanId: `span-${id}`,
    credential: { fingerprint: fingerprintOf(TOKEN) },
    caller: { kind: "agent", id: "partition-agent", environment: "prod" },
    target: { kind: "mcp_server", id: "github-mcp" },
    outcome: "allowed",
  } as TUsageEvent;
}

const ingest = (events: TUsageEvent[]) => database.prisma.$transaction((tx) => ingestUsage(tx, events));

async function partitions(): Promise<string[]> {
  const rows = await database.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_events'::regclass ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

async function whereIs(eventId: string): Promise<string[]> {
  const rows = await database.prisma.$queryRawUnsafe<{ part: string }[]>(`SELECT tableoid::regclass::text AS part FROM usage_events WHERE event_id = $1`, eventId);
  return rows.map((r) => r.part);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

describe("usage_events partitions", () => {
  it("is partitioned by month: the retention window and three months ahead exist, with a default partition", async () => {
    const [kind] = await database.prisma.$queryRawUnsafe<{ relkind: string }[]>(`SELECT relkind::text AS relkind FROM pg_class WHERE oid = 'usage_events'::regclass`);
    expect(kind?.relkind).toBe("p");
    const names = await partitions();
    expect(names).toContain("usage_events_default");
    for (const offset of [13, 1, 0, -1, -3]) expect(names).toContain(partitionName(monthsAgo(offset)));
  });

  it("stores a hop in its month's partition, and a replay of the same id (same time) never twice", async () => {
    const first = await ingest([hop("replay-1", monthsAgo(0, 2)), hop("replay-2", monthsAgo(1))]);
    expect(first).toMatchObject({ received: 2, accepted: 2, duplicates: 0 });
    expect(await whereIs("replay-1")).toEqual([partitionName(monthsAgo(0))]);
    expect(await whereIs("replay-2")).toEqual([partitionName(monthsAgo(1))]);

    const again = await ingest([hop("replay-1", monthsAgo(0, 2)), hop("replay-2", monthsAgo(1)), hop("replay-2", monthsAgo(1))]);
    expect(again).toMatchObject({ received: 3, accepted: 0, duplicates: 3 });
    expect(await database.prisma.usageEvent.count({ where: { eventId: { in: ["replay-1", "replay-2"] } } })).toBe(2);
  });

  it("takes a hop whose month has no partition into the default partition, and refuses UPDATE, DELETE and TRUNCATE on every partition", async () => {
    await ingest([hop("ancient-1", monthsAgo(30))]);
    expect(await whereIs("ancient-1")).toEqual(["usage_events_default"]);
    for (const sql of [
      `DELETE FROM usage_events WHERE event_id = 'replay-1'`,
      `UPDATE usage_events SET tool = 'x' WHERE event_id = 'replay-1'`,
      `DELETE FROM ${partitionName(monthsAgo(0))}`,
      `DELETE FROM usage_events_default`,
      `TRUNCATE usage_events`,
      `TRUNCATE ${partitionName(monthsAgo(0))}`,
      `TRUNCATE usage_events_default`,
    ]) {
      await expect(database.prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await whereIs("replay-1")).toHaveLength(1);
    expect(await whereIs("ancient-1")).toHaveLength(1);
  });

  it("refuses a retention cutoff that would touch the current month, whoever calls the function, dropping nothing", async () => {
    const before = await partitions();
    const thisMonth = monthsAgo(0, 1).toISOString().slice(0, 10);
    await expect(database.prisma.$queryRawUnsafe(`SELECT tokenward_usage_retention($1::date)`, thisMonth)).rejects.toThrow(/cutoff must be the first day of a month no later than/);
    await expect(database.prisma.$queryRawUnsafe(`SELECT tokenward_usage_retention($1::date)`, monthsAgo(3, 2).toISOString().slice(0, 10))).rejects.toThrow(/first day of a month/);
    await expect(database.prisma.$queryRawUnsafe(`SELECT tokenward_usage_partitions_ensure(current_date, 0)`)).rejects.toThrow(/months must be 1-120/);
    expect(await partitions()).toEqual(before);
    expect(() => retentionCutoff(now, 0)).toThrow(/≥ 1/);
  });

  it("the partition job drops whole months past retention (audited, system actor), keeps the rest, creates ahead, and is idempotent", async () => {
    // Two months older than a 13-month retention get their partitions (as if created back then).
    const oldMonths = [monthsAgo(16), monthsAgo(15)];
    await database.prisma.$queryRawUnsafe(`SELECT tokenward_usage_partitions_ensure($1::date, 2)`, monthsAgo(16, 1).toISOString().slice(0, 10));
    await ingest([hop("old-1", oldMonths[0]!), hop("old-2", oldMonths[1]!), hop("edge-keep", monthsAgo(13, 1)), hop("recent-1", monthsAgo(2))]);
    expect(await whereIs("old-1")).toEqual([partitionName(oldMonths[0]!)]);
    // The migration made three months ahead; the job, asked for four, adds the fourth.
    const farAhead = partitionName(monthsAgo(-3));
    expect(await partitions()).toContain(farAhead);

    const result = await maintainUsagePartitions(database.prisma, { retentionMonths: 13, aheadMonths: 4 });
    expect(result.cutoff).toBe(retentionCutoff(now, 13).toISOString().slice(0, 10));
    expect(result.dropped).toEqual(oldMonths.map(partitionName));
    expect(result.defaultRows).toBe(1); // ancient-1, from 30 months ago
    expect(result.created).toEqual([partitionName(monthsAgo(-4))]);
    expect(result.blocked).toEqual([]);

    const names = await partitions();
    for (const m of oldMonths) expect(names).not.toContain(partitionName(m));
    expect(names).toContain(partitionName(monthsAgo(13)));
    expect(names).toContain(partitionName(monthsAgo(0)));
    for (const id of ["old-1", "old-2", "ancient-1"]) expect(await whereIs(id), id).toEqual([]);
    for (const id of ["edge-keep", "recent-1", "replay-1", "replay-2"]) expect(await whereIs(id), id).toHaveLength(1);

    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "usage.retention" }, orderBy: { seq: "desc" } });
    expect(audit.actorId).toBeNull();
    expect(audit.summary).toMatchObject({ retentionMonths: 13, dropped: oldMonths.map(partitionName), defaultRows: 1 });

    const auditsBefore = await database.prisma.auditEvent.count({ where: { action: "usage.retention" } });
    const second = await maintainUsagePartitions(database.prisma, { retentionMonths: 13, aheadMonths: 4 });
    expect(second).toMatchObject({ created: [], dropped: [], defaultRows: 0, blocked: [] });
    expect(await database.prisma.auditEvent.count({ where: { action: "usage.retention" } })).toBe(auditsBefore);
  });

  it("a month whose hops already went to the default partition is reported blocked, and its hops stay", async () => {
    const lateMonth = monthsAgo(-7);
    await ingest([hop("future-1", lateMonth)]);
    expect(await whereIs("future-1")).toEqual(["usage_events_default"]);
    const result = await maintainUsagePartitions(database.prisma, { retentionMonths: 13, aheadMonths: 8 });
    expect(result.blocked).toEqual([partitionName(lateMonth)]);
    expect(result.created).toEqual([partitionName(monthsAgo(-5)), partitionName(monthsAgo(-6)), partitionName(monthsAgo(-8))]);
    expect(await whereIs("future-1")).toEqual(["usage_events_default"]);
  });
});
