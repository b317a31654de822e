// @ts-check
/**
 * Driver-adapter factories for the WASM schema engine, with the fixes migrations need.
 *
 * The stock adapters are built for the query engine; the schema engine exercises paths they get
 * wrong in the pinned versions (@prisma/adapter-pg 7.10.1, pglite-prisma-adapter 0.7.2):
 *
 *  - adapter-pg cannot type Postgres' internal `"char"` columns (OID 18), which the engine's
 *    catalog queries return (pg_class.relkind, pg_constraint.contype, …);
 *  - adapter-pg's executeScript splits the script on every ";", which breaks any migration with a
 *    function body (plpgsql triggers) or a ";" inside a string or comment;
 *  - adapter-pg's shadow database uses the main database when given a connection string;
 *  - pglite-prisma-adapter's executeScript does not await the script, so a failing migration is
 *    recorded as applied and its error surfaces as an unhandled rejection.
 */

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * @typedef {object} SqlAdapter a connected driver adapter (the shape the engine binds)
 * @property {(script: string) => Promise<void>} executeScript
 * @property {() => Promise<void>} dispose
 *
 * @typedef {object} AdapterFactory
 * @property {"postgres"} provider
 * @property {string} adapterName
 * @property {() => Promise<SqlAdapter>} connect
 * @property {() => Promise<SqlAdapter>} connectToShadowDb
 *
 * @typedef {object} OpenedDatabase
 * @property {AdapterFactory} factory
 * @property {() => Promise<void>} close releases every connection (and shadow database) left open
 */

/** @param {string} url */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * The PGlite data directory named by a `file:` URL (`file:/abs/dir`, `file:///abs/dir` or a path
 * relative to `baseDir`).
 * @param {string} url
 * @param {string} baseDir
 */
export function pgliteDirFromUrl(url, baseDir) {
  if (!url.startsWith("file:")) throw new Error(`not a file: URL: ${url}`);
  const rest = url.slice("file:".length);
  const filePath = rest.startsWith("//") ? decodeURIComponent(new URL(url).pathname) : rest;
  return path.resolve(baseDir, filePath);
}

/* ----------------------------------- PostgreSQL ----------------------------------- */

let pgCharPatched = false;

/**
 * Report `"char"` columns as text, for every adapter-pg connection and transaction in this
 * process (they share one prototype, which the package does not export).
 * @param {object} adapter
 */
function patchPgCharType(adapter) {
  if (pgCharPatched) return;
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  const performIO = queryable.performIO;
  if (typeof performIO !== "function") throw new Error("@prisma/adapter-pg changed: no performIO to patch");
  queryable.performIO = async function performIOCharAsText(/** @type {unknown} */ query) {
    const result = await performIO.call(this, query);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  pgCharPatched = true;
}

/**
 * Run a migration script as one simple-protocol query, as the native engine does: statements
 * are split by the server, and a multi-statement query is atomic.
 * @param {any} adapter a connected PrismaPg adapter
 * @returns {SqlAdapter}
 */
function fixPgAdapter(adapter) {
  patchPgCharType(adapter);
  adapter.executeScript = async (/** @type {string} */ script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * `?schema=` is a Prisma convention, not a libpq parameter: hand it to the adapter instead.
 * @param {string} url
 */
function splitSchemaParam(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}

/**
 * @param {string} url a postgres:// or postgresql:// URL
 * @returns {OpenedDatabase}
 */
export function openPostgres(url) {
  const { connectionString, schema } = splitSchemaParam(url);
  const options = schema ? { schema } : undefined;
  const main = new PrismaPg({ connectionString }, options);
  /** @type {Set<() => Promise<void>>} */
  const openShadows = new Set();
  /** @type {Set<SqlAdapter>} */
  const openConnections = new Set();

  /** @type {AdapterFactory} */
  const factory = {
    provider: "postgres",
    adapterName: main.adapterName,
    async connect() {
      const connection = fixPgAdapter(await main.connect());
      // Each connection owns a pg.Pool; an idle pool would keep the process alive after the CLI is done.
      const dispose = connection.dispose.bind(connection);
      connection.dispose = async () => {
        openConnections.delete(connection);
        await dispose();
      };
      openConnections.add(connection);
      return connection;
    },
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        await admin.end();
        throw error;
      }
      const shadowUrl = new URL(connectionString);
      shadowUrl.pathname = `/${name}`;
      const shadow = fixPgAdapter(await new PrismaPg({ connectionString: shadowUrl.toString() }, options).connect());

      const disposeShadow = shadow.dispose.bind(shadow);
      const drop = async () => {
        openShadows.delete(drop);
        try {
          await disposeShadow();
        } finally {
          // FORCE: the engine may leave a pooled connection behind on error paths.
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
        }
      };
      openShadows.add(drop);
      shadow.dispose = drop;
      return shadow;
    },
  };

  return {
    factory,
    async close() {
      await Promise.allSettled([...openShadows].map((drop) => drop()));
      await Promise.allSettled([...openConnections].map((connection) => connection.dispose()));
    },
  };
}

/* ------------------------------------- PGlite ------------------------------------- */

/**
 * @param {PGlite} db
 * @returns {Promise<SqlAdapter>}
 */
async function connectPglite(db) {
  /** @type {any} */
  const adapter = await new PrismaPGlite(db).connect();
  adapter.executeScript = async (/** @type {string} */ script) => {
    try {
      await db.exec(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * Open a PGlite data directory. The caller must hold the data-dir lock and call `close()` before
 * exiting, or the directory may be left corrupt.
 * @param {string} dataDir
 * @returns {Promise<OpenedDatabase>}
 */
export async function openPglite(dataDir) {
  // PGlite's own mkdir is not recursive.
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir);
  await db.waitReady;
  /** @type {Set<PGlite>} */
  const shadows = new Set();

  /** @type {AdapterFactory} */
  const factory = {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: () => connectPglite(db),
    async connectToShadowDb() {
      // In memory: nothing to clean up on disk, and no second process can see it.
      const shadowDb = new PGlite();
      await shadowDb.waitReady;
      shadows.add(shadowDb);
      const shadow = await connectPglite(shadowDb);
      shadow.dispose = async () => {
        shadows.delete(shadowDb);
        if (!shadowDb.closed) await shadowDb.close();
      };
      return shadow;
    },
  };

  return {
    factory,
    async close() {
      await Promise.allSettled([...shadows].map((shadow) => shadow.close()));
      if (!db.closed) await db.close();
    },
  };
}
