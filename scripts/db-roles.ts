// `npm run db:roles -- <runtime-role> [--print]`: as the migration owner (DATABASE_URL), creates or
// updates the app's runtime role with the privileges of lib/db/runtime-role.ts. Run it after every
// `prisma migrate deploy`. TOKENWARD_RUNTIME_ROLE_PASSWORD, when set, becomes the role's password.
// --print writes the SQL instead (for a DBA to review and run with psql).
import pg from "pg";
import { runtimeRoleStatements } from "@/lib/db/runtime-role";

const [role, flag] = process.argv.slice(2);
if (!role || (flag && flag !== "--print")) {
  process.stderr.write("usage: npm run db:roles -- <runtime-role> [--print]\n");
  process.exit(2);
}
const statements = runtimeRoleStatements(role, { password: process.env.TOKENWARD_RUNTIME_ROLE_PASSWORD || undefined });
if (flag === "--print") {
  process.stdout.write(`${statements.join(";\n")};\n`);
  process.exit(0);
}
if (!process.env.DATABASE_URL) {
  process.stderr.write("DATABASE_URL (the migration owner's connection) is required; PGlite has no roles.\n");
  process.exit(2);
}
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  await client.query("BEGIN");
  for (const sql of statements) await client.query(sql);
  await client.query("COMMIT");
  process.stdout.write(`✔ runtime role ${role}: SELECT/INSERT only on the audit tables; connect the app as ${role}\n`);
} catch (error) {
  await client.query("ROLLBACK").catch(() => undefined);
  process.stderr.write(`✖ ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await client.end();
}
