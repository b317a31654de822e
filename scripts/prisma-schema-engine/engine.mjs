#!/usr/bin/env node
// @ts-check
/**
 * Stand-in for Prisma's native schema engine binary, for machines that cannot download it.
 *
 * prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here; the Prisma CLI then runs this file
 * exactly as it runs the native engine. We serve the same protocol (line-delimited JSON-RPC 2.0 on
 * stdin/stdout, or a one-shot `cli <command>`) with the engine's own WASM build
 * (@prisma/schema-engine-wasm) and a driver adapter: @prisma/adapter-pg for postgres:// URLs,
 * pglite-prisma-adapter for `file:<dir>` URLs (the embedded PGlite database).
 *
 * The migrations it writes (and the `_prisma_migrations` rows) are the engine's own, so the same
 * migrations folder works with a stock Prisma install elsewhere.
 */

import fs from "node:fs";
import readline from "node:readline";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

import { isPostgresUrl, openPglite, openPostgres, pgliteDirFromUrl } from "./adapters.mjs";
import { parseEngineArgs } from "./cli-args.mjs";
import { acquireDataDirLock } from "../../lib/db/data-dir-lock.mjs";
import { loadSchemaEngineWasm } from "./load-wasm-engine.mjs";
import { checkPostgresConnection, createPostgresDatabase, KnownDatabaseError } from "./postgres-admin.mjs";

// stdout is the RPC channel: a stray console.log from any library would corrupt it.
console.log = console.info = console.debug = console.error;

const EMPTY_FILTER = { externalTables: [], externalEnums: [] };
/** How long a signal waits for the request in flight before closing the database under it. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Methods passed straight to the WASM engine (everything the CLI calls that it implements). */
const FORWARDED_METHODS = new Set([
  "applyMigrations",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

/**
 * @typedef {{ factory: import("./adapters.mjs").AdapterFactory, close: () => Promise<void> }} Database
 */

/* --------------------------------- lifecycle --------------------------------- */

/** @type {Database | undefined} */
let database;
/** Resolves when the request being handled (if any) is done. */
let requestQueue = Promise.resolve();
/** @type {Promise<never> | undefined} */
let shuttingDown;

/**
 * Close the database (PGlite must be closed cleanly or its data dir may be left corrupt), release
 * the data-dir lock, and exit. Idempotent.
 * @param {number} code
 * @param {{ waitForRequest?: boolean }} [options]
 */
function shutdown(code, { waitForRequest = true } = {}) {
  shuttingDown ??= (async () => {
    if (waitForRequest) {
      await Promise.race([requestQueue, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
    }
    try {
      await database?.close();
    } catch (error) {
      logError(`closing the database failed: ${messageOf(error)}`);
      code ||= 1;
    }
    process.exit(code);
  })();
  return shuttingDown;
}

// wasm-bindgen reports some failures (e.g. a request it cannot deserialize) by throwing from a
// callback, outside any request's promise. Still close PGlite cleanly before dying.
for (const event of /** @type {const} */ (["uncaughtException", "unhandledRejection"])) {
  process.on(event, (error) => {
    logError(`schema engine stand-in crashed: ${messageOf(error)}`);
    void shutdown(1, { waitForRequest: false });
  });
}

// The CLI ends stdin and immediately sends SIGTERM when it is done with us: both mean "finish
// cleanly". Ctrl-C reaches us as SIGINT through the process group.
for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT", "SIGHUP"])) {
  process.on(signal, () => void shutdown(0));
}

/* ----------------------------------- logging ----------------------------------- */

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * An error line in the engine's log format; the CLI scans stderr for these.
 * @param {string} message
 * @param {string} [errorCode]
 */
function logError(message, errorCode) {
  // Only Prisma codes mean something to the CLI (not ENOENT and the like).
  const fields = /^P\d{4}$/.test(String(errorCode)) ? { message, error_code: errorCode } : { message };
  process.stderr.write(`${JSON.stringify({ level: "ERROR", fields, target: "schema_engine::logger" })}\n`);
}

/* ---------------------------------- database ---------------------------------- */

/**
 * Open the database named by the datasource URL. For PGlite, takes the data-dir lock first and
 * keeps it until the database is closed.
 * @param {string} url
 * @returns {Promise<Database>}
 */
async function openDatabase(url) {
  if (isPostgresUrl(url)) return openPostgres(url);
  if (!url.startsWith("file:")) {
    throw new KnownDatabaseError("P1013", `unsupported datasource URL (expected postgres(ql):// or file:<PGlite dir>): ${url.split(":")[0]}:…`);
  }
  const dataDir = pgliteDirFromUrl(url, process.cwd());
  // Our own signal handling closes the database first, then releases the lock.
  const release = acquireDataDirLock(dataDir, { releaseOnSignals: false });
  try {
    const pglite = await openPglite(dataDir);
    return {
      factory: pglite.factory,
      async close() {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/* ------------------------------- one-shot commands ------------------------------- */

/**
 * `cli can-connect-to-database` / `cli create-database`: exit 0, or exit 1 with an error log line
 * (the CLI skips the first stderr line, then looks for level ERROR from schema_engine::logger).
 * @param {string} command
 * @param {string | undefined} url
 */
async function runOneShot(command, url) {
  process.stderr.write(`schema-engine stand-in: cli ${command}\n`);
  try {
    if (!url) throw new KnownDatabaseError("P1012", "no datasource URL: set datasource.url in prisma.config.ts");
    if (command !== "can-connect-to-database" && command !== "create-database") {
      throw new Error(`unsupported cli command: ${command}`);
    }
    if (isPostgresUrl(url)) {
      if (command === "can-connect-to-database") await checkPostgresConnection(url);
      else await createPostgresDatabase(url);
    } else {
      // PGlite creates its data dir on first open, so it always "exists"; what can fail is the lock.
      acquireDataDirLock(pgliteDirFromUrl(url, process.cwd()))();
    }
    process.exit(0);
  } catch (error) {
    logError(messageOf(error), /** @type {any} */ (error).code ?? "P1001");
    process.exit(1);
  }
}

/* ------------------------------------ JSON-RPC ------------------------------------ */

/** @param {object} message */
function send(message) {
  process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
}

let nextOwnRequestId = 1;
/** @type {Map<number | string, (response: any) => void>} */
const pendingOwnRequests = new Map();

/**
 * Ask the CLI to print something (that is how `migrate diff` output reaches the terminal).
 * @param {string} content
 */
function printOnCli(content) {
  const id = `print-${nextOwnRequestId++}`;
  return new Promise((resolve) => {
    pendingOwnRequests.set(id, resolve);
    send({ id, method: "print", params: { content } });
  });
}

/**
 * @param {any} engine the WASM SchemaEngine
 * @param {string} method
 * @param {any} params
 * @param {string | undefined} url
 */
async function dispatch(engine, method, params, url) {
  switch (method) {
    case "createMigration":
    case "evaluateDataLoss":
      // In WASM mode these get no shadow database of their own; this call fills the cache they
      // read the migrations' resulting schema from.
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters ?? EMPTY_FILTER,
      });
      return engine[method](params);
    case "diff": {
      const result = await engine.diff(params);
      // The CLI adds its own newline.
      if (result.stdout) await printOnCli(result.stdout.replace(/\n$/, ""));
      return { exitCode: result.exitCode, stdout: null };
    }
    case "getDatabaseVersion":
      // Its input is optional, and an empty object is not a valid one.
      return engine.version(params && Object.keys(params).length > 0 ? params : null);
    case "createDatabase": {
      // The database is already open (and so exists) by the time the engine is running.
      const databaseName = url && isPostgresUrl(url) ? new URL(url).pathname.slice(1) : "pglite";
      return { databaseName };
    }
    default:
      if (FORWARDED_METHODS.has(method)) return engine[method](params);
      throw Object.assign(new Error(`the schema engine stand-in does not implement ${method}`), { rpcCode: -32601 });
  }
}

/**
 * @param {any} engine
 * @param {any} request
 * @param {string | undefined} url
 */
async function handleRequest(engine, request, url) {
  try {
    const result = await dispatch(engine, request.method, request.params ?? {}, url);
    send({ id: request.id, result: result ?? {} });
  } catch (error) {
    sendError(request.id, error);
    // A trap in the WASM module leaves the engine unusable: end the session.
    if (error instanceof WebAssembly.RuntimeError) void shutdown(1, { waitForRequest: false });
  }
}

/**
 * An error response the CLI shows as "<error_code>: <message>" (or just the message).
 * @param {unknown} id
 * @param {unknown} error
 */
function sendError(id, error) {
  const errorCode = String(/** @type {any} */ (error)?.code);
  send({
    id,
    error: {
      code: /** @type {any} */ (error)?.rpcCode ?? 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message: messageOf(error), ...(/^P\d{4}$/.test(errorCode) ? { error_code: errorCode } : {}) },
    },
  });
}

/**
 * Open the database and create the WASM engine. Failures are returned, not thrown: see serve().
 * @param {import("./cli-args.mjs").EngineArgs} args
 * @returns {Promise<{ engine?: any, error?: unknown }>}
 */
async function startEngine(args) {
  try {
    const url = args.datasource?.url;
    if (!url) throw new KnownDatabaseError("P1012", "no datasource URL: set datasource.url in prisma.config.ts");
    const bindings = await loadSchemaEngineWasm();
    const datamodels = args.datamodels.map((file) => /** @type {[string, string]} */ ([file, fs.readFileSync(file, "utf8")]));
    database = await openDatabase(url);
    const engine = await bindings.SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      (/** @type {string} */ line) => process.stderr.write(`${line.trimEnd()}\n`),
      // Our factories are duck-typed to the adapter interfaces (see adapters.mjs).
      bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (database.factory)),
    );
    return { engine };
  } catch (error) {
    logError(messageOf(error), /** @type {any} */ (error)?.code);
    return { error };
  }
}

/**
 * JSON-RPC mode. If the engine cannot start (database in use, unreachable…) we stay up and answer
 * each request with that error: exiting early makes the CLI (7.10.1) hang in stop() and then exit
 * with status 0 and no message, because it waits for an "exit" event that has already fired.
 * @param {import("./cli-args.mjs").EngineArgs} args
 */
function serve(args) {
  const url = args.datasource?.url;
  const started = startEngine(args);

  // One request at a time, in order, as the native engine does.
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined && pendingOwnRequests.has(message.id)) {
      pendingOwnRequests.get(message.id)?.(message);
      pendingOwnRequests.delete(message.id);
      return;
    }
    requestQueue = requestQueue.then(async () => {
      const { engine, error } = await started;
      if (engine) await handleRequest(engine, message, url);
      else sendError(message.id, error);
    });
  });
  lines.on("close", () => void shutdown(0));
  // The CLI is gone: nobody can read our answers any more.
  process.stdout.on("error", () => void shutdown(0, { waitForRequest: false }));
}

/* -------------------------------------- main -------------------------------------- */

try {
  const args = parseEngineArgs(process.argv.slice(2));
  if (args.version) {
    const bindings = await loadSchemaEngineWasm();
    process.stdout.write(`schema-engine-cli ${bindings.version()} (WASM stand-in, scripts/prisma-schema-engine)\n`);
    process.exit(0);
  }
  if (args.cliCommand) await runOneShot(args.cliCommand, args.datasource?.url);
  else serve(args);
} catch (error) {
  // Bad arguments: nothing sensible to serve.
  logError(messageOf(error), /** @type {any} */ (error)?.code);
  await shutdown(1, { waitForRequest: false });
}
