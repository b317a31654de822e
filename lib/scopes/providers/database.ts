import { defineScopeFamily, type TScopeEntry } from "@/lib/scopes/define-family";

/**
 * SQL privileges and PostgreSQL predefined roles / role attributes (plus the common MySQL ones), as
 * GRANT spells them. SQL keywords are case-insensitive and a grant may name its object
 * (`SELECT ON orders`), so both are normalised away before lookup.
 */

const read = (reason: string): TScopeEntry => ({ privilege: "read", reason });
const write = (reason: string): TScopeEntry => ({ privilege: "write", reason });
const admin = (reason: string): TScopeEntry => ({ privilege: "admin", reason });

export const databaseScopes = defineScopeFamily({
  id: "database",
  label: "databases",
  caseInsensitive: true,
  normalise: (scope) => scope.replace(/\s+/g, " ").replace(/^(.+?) ON [^;]+$/i, "$1"),
  exact: {
    SELECT: read("Reads table rows"),
    CONNECT: read("Connects to the database; reads nothing by itself"),
    USAGE: read("Looks up objects in a schema, or uses a sequence or type"),
    "SHOW VIEW": read("Reads view definitions"),
    "SHOW DATABASES": read("Lists every database on the server"),
    PROCESS: read("Sees every session's running statements"),
    INSERT: write("Adds table rows"),
    UPDATE: write("Changes table rows"),
    DELETE: write("Deletes table rows"),
    TRUNCATE: write("Empties whole tables at once (destructive, not logged row by row)"),
    REFERENCES: write("Creates foreign keys that constrain other tables"),
    TEMPORARY: write("Creates temporary tables"),
    TEMP: write("Creates temporary tables"),
    EXECUTE: write("Runs functions and procedures: as broad as what they do"),
    INDEX: write("Creates and drops indexes"),
    "LOCK TABLES": write("Locks tables against other sessions"),
    TRIGGER: admin("Creates triggers: code that runs on every write to a table"),
    CREATE: admin("Creates schemas or objects (DDL)"),
    ALTER: admin("Changes table definitions (DDL)"),
    DROP: admin("Drops tables and databases"),
    MAINTAIN: admin("VACUUM, ANALYZE, REINDEX, REFRESH and LOCK on any table it covers"),
    "GRANT OPTION": admin("Grants its own privileges to others"),
    "CREATE USER": admin("Creates and drops database users"),
    CREATEROLE: admin("Creates roles and grants them membership"),
    CREATEDB: admin("Creates databases"),
    REPLICATION: admin("Streams every change in the cluster (replication)"),
    BYPASSRLS: admin("Ignores row-level security policies"),
    SUPER: admin("MySQL SUPER: server administration"),
    FILE: admin("Reads and writes files on the database server"),
    RELOAD: admin("Flushes server state"),
    SHUTDOWN: admin("Shuts the server down"),
    "ALL PRIVILEGES": { privilege: "wildcard", reason: "Every privilege on the object, including ones added later" },
    ALL: { privilege: "wildcard", reason: "Every privilege on the object, including ones added later" },
    SUPERUSER: { privilege: "wildcard", reason: "Bypasses every permission check in the cluster" },
    pg_read_all_data: read("Reads every table, view and sequence in the database (sensitive read)"),
    pg_read_all_settings: read("Reads every configuration setting"),
    pg_read_all_stats: read("Reads every statistics view"),
    pg_stat_scan_tables: read("Runs monitoring functions that lock tables"),
    pg_monitor: read("Reads monitoring views and settings"),
    pg_write_all_data: write("Writes every table, view and sequence in the database"),
    pg_signal_backend: admin("Cancels or terminates other sessions"),
    pg_checkpoint: admin("Forces checkpoints"),
    pg_maintain: admin("VACUUM, ANALYZE, REINDEX, REFRESH and LOCK on every table"),
    pg_create_subscription: admin("Creates logical replication subscriptions"),
    pg_database_owner: admin("Owns the database's objects"),
    pg_read_server_files: admin("Reads any file the database server can read"),
    pg_write_server_files: admin("Writes any file the database server can write"),
    pg_execute_server_program: admin("Runs programs on the database server as its operating-system user"),
  },
  rules: [],
});
