import type { TSqlExecutor } from "@/lib/seed/bulk-insert";

/**
 * Guards against seeding on top of real data. The whole seed runs in one transaction, so a failed
 * run leaves nothing behind; a database that is not empty therefore holds either a completed seed
 * (which has a `seed.completed` audit event) or somebody's real data.
 *
 * --reset empties a database only when it is a completed seed. usage_events and audit_events are
 * append-only by trigger; reset disables those triggers for the TRUNCATE inside the same
 * transaction (owner privilege required), so other sessions never see them off. A database with
 * anything else in it must be reset with `prisma migrate reset` (which drops the tables): a data
 * generator must not be the tool that erases a real audit trail.
 */

export type TQueryExecutor = TSqlExecutor & { $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T> };

/** Every table the seed writes, children first. */
export const SEEDED_TABLES = [
  "usage_events", "exposures", "bindings", "credentials", "mcp_servers", "identities", "providers",
  "team_memberships", "teams", "users", "audit_events", "audit_checkpoints",
] as const;
// workflow_events is not seeded, but a reset cascades into it (workflows reference credentials).
const APPEND_ONLY = ["usage_events", "audit_events", "audit_checkpoints", "workflow_events"] as const;

export class SeedRefusedError extends Error {
  override name = "SeedRefusedError";
}

export type TDatabaseState = { nonEmpty: string[]; seededBefore: boolean; auditEvents: number; auditHead: string | null };

export async function inspectDatabase(db: TQueryExecutor): Promise<TDatabaseState> {
  const probes = SEEDED_TABLES.map((t) => `EXISTS (SELECT 1 FROM "${t}") AS "${t}"`).join(", ");
  const [row] = await db.$queryRawUnsafe<Record<string, boolean>[]>(`SELECT ${probes}`);
  const nonEmpty = SEEDED_TABLES.filter((t) => row?.[t]);
  const [audit] = await db.$queryRawUnsafe<{ n: number; seeded: boolean; head: string | null }[]>(
    `SELECT count(*)::int AS n,
            coalesce(bool_or(action = 'seed.completed'), false) AS seeded,
            (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS head
       FROM audit_events`,
  );
  return { nonEmpty, seededBefore: audit?.seeded ?? false, auditEvents: audit?.n ?? 0, auditHead: audit?.head ?? null };
}

/** Tables outside the seed's own that TRUNCATE … CASCADE would also empty (they reference ours). */
export async function cascadedTables(db: TQueryExecutor): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT DISTINCT c.conrelid::regclass::text AS name
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.confrelid::regclass::text = ANY($1::text[])
        AND NOT (c.conrelid::regclass::text = ANY($1::text[]))`,
    `{${SEEDED_TABLES.join(",")}}`,
  );
  return rows.map((r) => r.name).sort();
}

/**
 * What to do with a non-empty database: refuse (default), replace a previous seed (--reset), or
 * leave it alone (--if-empty, for the demo script's "seed on first start").
 */
export type TNonEmptyMode = "refuse" | "reset" | "skip";

/** Refuses, skips, or empties a previously seeded database, inside the caller's transaction. */
export async function prepareDatabase(db: TQueryExecutor, mode: TNonEmptyMode, log: (line: string) => void): Promise<TDatabaseState & { skip: boolean }> {
  const state = await inspectDatabase(db);
  if (state.nonEmpty.length === 0) return { ...state, skip: false };
  if (mode === "skip") return { ...state, skip: true };
  if (mode === "refuse") {
    throw new SeedRefusedError(`database is not empty (${state.nonEmpty.join(", ")}); pass --reset to replace a previous seed`);
  }
  if (!state.seededBefore) {
    throw new SeedRefusedError(
      `--reset refused: the database holds data that did not come from the seed (no seed.completed audit event). ` +
      `Use a fresh database, or drop everything with \`npx prisma migrate reset\`.`,
    );
  }
  const extra = await cascadedTables(db);
  if (extra.length > 0) log(`reset also empties tables that reference seeded rows: ${extra.join(", ")}`);
  // usage_events' partitions carry their own TRUNCATE triggers (statement triggers are not cloned from the parent).
  const partitions = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent::regclass::text = ANY($1::text[])`,
    `{${APPEND_ONLY.join(",")}}`,
  );
  const guarded = [...APPEND_ONLY, ...partitions.map((p) => p.name)];
  for (const t of guarded) await db.$executeRawUnsafe(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
  await db.$executeRawUnsafe(`TRUNCATE ${SEEDED_TABLES.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
  for (const t of guarded) await db.$executeRawUnsafe(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
  log(`reset: removed a previous seed (${state.auditEvents} audit events, head ${state.auditHead?.slice(0, 12) ?? "none"}…)`);
  return { ...state, skip: false };
}
