// `npm run demo`: install if needed, migrate the embedded database, seed it when empty, build, and
// start on http://localhost:3000 with the local demo login enabled. Works on PostgreSQL too when
// DATABASE_URL is set.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bin, ensureDependencies, ensurePrismaClient, run, step, ROOT } from "./lib.mjs";

const port = process.env.PORT ?? "3000";
// The demo prints passwords: it listens on this machine only unless told otherwise
// (TOKENWARD_DEMO_HOST=0.0.0.0; not HOSTNAME, which shells set to the machine's name).
const host = process.env.TOKENWARD_DEMO_HOST || "localhost";
const dataDir = process.env.TOKENWARD_DATA_DIR ?? ".data/pglite";
const stateDir = path.resolve(ROOT, path.dirname(dataDir));

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(stateDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

// The demo's audit signing key (Ed25519, base64 PKCS8 DER), kept beside the data like the auth secret.
// Production refuses to start without one; `npm run audit:keys -- public` prints its public key.
function auditSigningKey() {
  if (process.env.TOKENWARD_AUDIT_SIGNING_KEY) return process.env.TOKENWARD_AUDIT_SIGNING_KEY;
  const file = path.join(stateDir, "audit-signing-key");
  if (!existsSync(file)) {
    mkdirSync(stateDir, { recursive: true });
    const { privateKey } = generateKeyPairSync("ed25519");
    writeFileSync(file, privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

// The demo's connector-secret key (AES-256, "id:base64"), kept beside the data like the auth secret.
function connectorKeys() {
  if (process.env.TOKENWARD_CONNECTOR_KEYS) return process.env.TOKENWARD_CONNECTOR_KEYS;
  const file = path.join(stateDir, "connector-keys");
  if (!existsSync(file)) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, `demo1:${randomBytes(32).toString("base64")}`, { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

try {
  ensureDependencies();
  ensurePrismaClient();
  const env = {
    TOKENWARD_DATA_DIR: dataDir,
    AUTH_SECRET: authSecret(),
    TOKENWARD_AUDIT_SIGNING_KEY: auditSigningKey(),
    TOKENWARD_CONNECTOR_KEYS: connectorKeys(),
    AUTH_URL: process.env.AUTH_URL ?? `http://localhost:${port}`,
    TOKENWARD_LOCAL_LOGIN: process.env.TOKENWARD_LOCAL_LOGIN ?? "true",
    TOKENWARD_DEMO: "true",
  };
  step(process.env.DATABASE_URL ? "Migrating PostgreSQL (DATABASE_URL)" : `Migrating the embedded database (${dataDir})`);
  run(bin("prisma"), ["migrate", "deploy"], { env });
  step("Seeding demo data (only if the database is empty)");
  run(bin("tsx"), ["scripts/seed.ts", "--if-empty"], { env });
  step("Building");
  run(bin("next"), ["build"], { env });

  const loginFile = path.join(stateDir, "demo-login.json");
  if (existsSync(loginFile)) {
    const { users } = JSON.parse(readFileSync(loginFile, "utf8"));
    process.stdout.write(`\nDemo sign-in at http://localhost:${port} (local login, one user per role):\n`);
    for (const u of users) process.stdout.write(`  ${u.role.padEnd(9)} ${u.email.padEnd(28)} password: ${u.password}\n`);
    process.stdout.write(`(kept in ${path.relative(ROOT, loginFile)}; delete ${path.relative(ROOT, stateDir)}/ to start over)\n\n`);
  }
  step(`Starting Tokenward on http://${host}:${port}${host === "localhost" ? " (this machine only; TOKENWARD_DEMO_HOST=0.0.0.0 to listen on every interface)" : ""}`);
  run(bin("next"), ["start", "-p", port, "-H", host], { env });
} catch (error) {
  process.stderr.write(`\n✖ ${error.message}\n`);
  process.exit(error.exitCode ?? 1);
}
