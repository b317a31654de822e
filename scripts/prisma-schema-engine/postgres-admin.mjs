// @ts-check
/**
 * What the native engine's one-shot `cli can-connect-to-database` / `cli create-database` and the
 * `createDatabase` RPC do for PostgreSQL. The WASM engine has no equivalent (it only ever talks
 * through an already-connected adapter), so these use `pg` directly.
 */

import pg from "pg";

/** A failure the CLI recognises by its Prisma error code. */
export class KnownDatabaseError extends Error {
  /**
   * @param {string} code Prisma error code (P1000, P1001, P1003, P1009, P1010)
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = "KnownDatabaseError";
    this.code = code;
  }
}

/** @param {string} url */
function describe(url) {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username);
  const location = `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
  return { database, location, user: decodeURIComponent(parsed.username) };
}

/**
 * Map a `pg` connection error to the code the native engine would report.
 * @param {any} error
 * @param {string} url
 */
function toKnownError(error, url) {
  const { database, location, user } = describe(url);
  switch (error?.code) {
    case "3D000":
      return new KnownDatabaseError("P1003", `Database \`${database}\` does not exist on the database server at \`${location}\`.`);
    case "28P01":
    case "28000":
      return new KnownDatabaseError("P1000", `Authentication failed against database server at \`${location}\`, the provided database credentials for \`${user}\` are not valid.`);
    case "42501":
      return new KnownDatabaseError("P1010", `User \`${user}\` was denied access on the database \`${database}\``);
    case "42P04":
      return new KnownDatabaseError("P1009", `Database \`${database}\` already exists on the database server at \`${location}\``);
    default:
      return new KnownDatabaseError("P1001", `Can't reach database server at \`${location}\`: ${error?.message ?? error}`);
  }
}

/**
 * @param {string} url
 * @param {(client: pg.Client) => Promise<void>} work
 */
async function withClient(url, work) {
  // `?schema=` is Prisma's, not libpq's.
  const connectionUrl = new URL(url);
  connectionUrl.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: connectionUrl.toString(), connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped connection surfaces through the pending query instead
  try {
    await client.connect();
  } catch (error) {
    throw toKnownError(error, url);
  }
  try {
    await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Throws `KnownDatabaseError` if the database cannot be reached or does not exist.
 * @param {string} url
 */
export async function checkPostgresConnection(url) {
  await withClient(url, async (client) => {
    await client.query("SELECT 1");
  });
}

/**
 * Create the database named in `url`, connecting through the `postgres` maintenance database.
 * @param {string} url
 * @returns {Promise<string>} the database name
 */
export async function createPostgresDatabase(url) {
  const { database } = describe(url);
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = "/postgres";
  await withClient(maintenanceUrl.toString(), async (client) => {
    try {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    } catch (error) {
      throw toKnownError(error, url);
    }
  });
  return database;
}
