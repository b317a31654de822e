import pg from "pg";

/** Test-database administration on the local PostgreSQL server (never used by the app). */

export const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function adminUrl(): string {
  return process.env.TEST_POSTGRES_ADMIN_URL ?? DEFAULT_ADMIN_URL;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function isPostgresReachable(): Promise<boolean> {
  try {
    await withAdmin((c) => c.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

export async function createDatabase(name: string, template?: string): Promise<void> {
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
