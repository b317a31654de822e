/**
 * The PostgreSQL privileges of the app's runtime role. The migration owner (whoever runs
 * `prisma migrate deploy`) owns every table; the app connects as a separate role that may read and
 * write ordinary tables but may only SELECT and INSERT evidence (audit_events, audit_checkpoints,
 * usage_events, workflow_events). Because it owns nothing, it also cannot ALTER those tables, drop or disable their
 * append-only triggers, or TRUNCATE them. Roles are cluster-wide, so this is not a Prisma migration:
 * `npm run db:roles` (scripts/db-roles.ts) applies it, and must be re-run after each migration
 * (new tables get their grants then).
 */

export const APPEND_ONLY_TABLES = ["audit_events", "audit_checkpoints", "usage_events", "workflow_events"] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Idempotent statements, run as the owner in the app's database. */
export function runtimeRoleStatements(role: string, options: { password?: string } = {}): string[] {
  if (!ROLE_NAME.test(role)) throw new Error(`runtime role name must match ${ROLE_NAME}`);
  const tables = APPEND_ONLY_TABLES.map((t) => `"${t}"`).join(", ");
  return [
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${quoteLiteral(role)}) THEN CREATE ROLE ${role} LOGIN; END IF; END $$`,
    // Never more than a login: an inherited superuser or BYPASSRLS would undo everything below.
    `ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${options.password ? ` PASSWORD ${quoteLiteral(options.password)}` : ""}`,
    `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${role}', current_database()); END $$`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${tables} FROM ${role}`,
    // Partitions (usage_events_pYYYYMM, usage_events_default) are tables too, and "ALL TABLES" above
    // granted on them: the app reads and writes through the parent, so they get nothing.
    `DO $$ DECLARE p regclass; BEGIN
       FOR p IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = ANY (ARRAY[${APPEND_ONLY_TABLES.map((t) => `to_regclass('public.${t}')`).join(", ")}]) LOOP
         EXECUTE format('REVOKE ALL ON %s FROM ${role}', p);
       END LOOP; END $$`,
    // The migration history is the owner's: the app may read it, never write it.
    `DO $$ BEGIN IF to_regclass('public._prisma_migrations') IS NOT NULL THEN REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${role}; END IF; END $$`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    // usage_events' partitions are created and dropped through the owner's SECURITY DEFINER functions
    // (the usage.partitions job): the role may call them, not run DDL itself.
    `DO $$ BEGIN IF to_regprocedure('public.tokenward_usage_partitions_ensure(date, integer)') IS NOT NULL THEN
       GRANT EXECUTE ON FUNCTION tokenward_usage_partitions_ensure(date, integer), tokenward_usage_retention(date) TO ${role}; END IF; END $$`,
  ];
}
