import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { verifyAuditChain } from "@/lib/audit/services/verify-audit-chain";
import { openDatabase, type TDatabase } from "@/lib/db/open-database";
import { APPEND_ONLY_TABLES, runtimeRoleStatements } from "@/lib/db/runtime-role";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { maintainUsagePartitions } from "@/lib/usage/services/maintain-usage-partitions";

// PGlite has a single built-in superuser and no login roles: privilege separation is a PostgreSQL
// deployment concern, so this file only runs with TEST_DB=postgres.
const onPostgres = inject("dbKind") === "postgres";

const keys = generateKeyPairSync("ed25519");
const signing = { signer: { keyId: "k1", privateKey: keys.privateKey }, verifyKeys: [{ keyId: "k1", publicKey: keys.publicKey }], every: 2 };
const role = `tw_runtime_${process.pid}_${Math.floor(Math.random() * 1e6)}`;

let owner: TTestDatabase;
let runtime: TDatabase;

describe.skipIf(!onPostgres)("the runtime database role (PostgreSQL)", () => {
  beforeAll(async () => {
    owner = await createTestDatabase();
    for (const sql of runtimeRoleStatements(role)) await owner.prisma.$executeRawUnsafe(sql);
    const url = new URL(owner.url!);
    url.username = role;
    runtime = await openDatabase({ DATABASE_URL: url.toString(), TOKENWARD_DATA_DIR: "unused" });
  });
  afterAll(async () => {
    await runtime?.close();
    if (owner) {
      await owner.prisma.$executeRawUnsafe(`DROP OWNED BY ${role}`);
      await owner.prisma.$executeRawUnsafe(`DROP ROLE ${role}`);
      await owner.dispose();
    }
  });

  it("connects as the runtime role, not as the owner", async () => {
    const [row] = await runtime.prisma.$queryRawUnsafe<{ who: string }[]>("SELECT current_user AS who");
    expect(row?.who).toBe(role);
  });

  it("appends events and signed checkpoints through appendAuditEvent", async () => {
    for (let i = 0; i < 4; i++) {
      await runtime.prisma.$transaction((tx) => appendAuditEvent(tx, null, { action: "test.runtime", targetType: "thing", targetId: String(i) }, { signing }));
    }
    expect(await verifyAuditChain(runtime.prisma, { verifyKeys: signing.verifyKeys })).toMatchObject({ ok: true, count: 4, signatures: { checkpoints: 2 } });
  });

  it.each(APPEND_ONLY_TABLES)("cannot UPDATE, DELETE, TRUNCATE, ALTER or disable the trigger of %s", async (table) => {
    const refused = async (sql: string, why: RegExp) => expect(runtime.prisma.$executeRawUnsafe(sql)).rejects.toThrow(why);
    await refused(`UPDATE "${table}" SET ${table === "usage_events" || table === "workflow_events" ? "id = id" : "seq = seq"}`, /permission denied/);
    await refused(`DELETE FROM "${table}"`, /permission denied/);
    await refused(`TRUNCATE "${table}"`, /permission denied/);
    await refused(`ALTER TABLE "${table}" DISABLE TRIGGER USER`, /must be owner/);
    await refused(`ALTER TABLE "${table}" ADD COLUMN forged text`, /must be owner/);
    await refused(`DROP TRIGGER IF EXISTS ${table}_reject_update_delete ON "${table}"`, /must be owner/);
    await refused(`ALTER TABLE "${table}" OWNER TO ${role}`, /must be owner/);
  });

  it("cannot touch usage_events' partitions directly, even with the retention setting forged; maintains them only through the owner's functions", async () => {
    const [part] = await owner.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'usage_events'::regclass ORDER BY 1 DESC LIMIT 1`);
    for (const table of [part!.name, "usage_events_default"]) {
      await expect(runtime.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('tokenward.usage_retention_cutoff', '2999-01-01', true)`);
        return tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
      })).rejects.toThrow(/permission denied/);
      await expect(runtime.prisma.$executeRawUnsafe(`DROP TABLE "${table}"`)).rejects.toThrow(/must be owner/);
    }
    await expect(runtime.prisma.$executeRawUnsafe(`CREATE TABLE usage_events_p209901 PARTITION OF usage_events FOR VALUES FROM ('2099-01-01') TO ('2099-02-01')`)).rejects.toThrow(/permission denied|must be owner/);
    const result = await maintainUsagePartitions(runtime.prisma, { retentionMonths: 13, aheadMonths: 5 });
    expect(result.created).toHaveLength(2);
    await expect(runtime.prisma.$queryRawUnsafe(`SELECT tokenward_usage_retention(date_trunc('month', now())::date)`)).rejects.toThrow(/cutoff must be/);
  });

  it("leaves the chain intact after every refused attempt, and ordinary tables writable", async () => {
    expect((await verifyAuditChain(runtime.prisma, { verifyKeys: signing.verifyKeys })).ok).toBe(true);
    await expect(runtime.prisma.$executeRawUnsafe("UPDATE users SET name = name WHERE false")).resolves.toBe(0);
    await expect(runtime.prisma.$executeRawUnsafe(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', 'forged', now(), 0)`)).rejects.toThrow(/permission denied/);
  });
});
