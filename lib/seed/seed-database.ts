import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { planServerCredentials, planShowcaseCredentials } from "@/lib/seed/build-special-credentials";
import { buildOrg } from "@/lib/seed/build-org";
import type { TServerPools } from "@/lib/seed/build-usage";
import { insertRows, pgTimestamp, type TTableSpec } from "@/lib/seed/bulk-insert";
import { DEMO_USERS } from "@/lib/seed/catalog-org";
import { CHUNK, generateChunk, writeChunk } from "@/lib/seed/chunk-pipeline";
import { credentialContext } from "@/lib/seed/credential-context";
import { prepareDatabase } from "@/lib/seed/database-state";
import { randomPassword, type TDemoLogin, writeDemoLoginFile } from "@/lib/seed/demo-login";
import { createRng } from "@/lib/seed/prng";
import { parseSeedOptions, type TSeedOptions } from "@/lib/seed/seed-options";
import * as T from "@/lib/seed/table-specs";

/**
 * Seeds a migrated, empty database with a realistic organisation and `credentials` credentials.
 * One transaction for everything: a failed or interrupted run leaves the database as it was, so a
 * non-empty database always means a complete seed (or real data). Deterministic for a seed and a
 * fixed `now`, except demo passwords (random unless given) and the audit event's wall-clock time.
 */

export type TSeedSummary = {
  seed: number; credentials: number; users: number; teams: number; memberships: number; providers: number;
  identities: number; mcpServers: number; bindings: number; exposures: number; usageEvents: number; refreshLinks: number;
  tracedCredentials: number; passthroughTraces: number; reset: boolean;
  /** --if-empty found data and wrote nothing (the counts are then those of the plan, not the database). */
  skipped: boolean;
  elapsedMs: number;
};

/** Credentials that get usage events at most: keeps a 1M run to ~0.6M events (≈10 per credential below 60k). */
export const TRACED_CREDENTIAL_BUDGET = 60_000;
const PROGRESS_EVERY = 100_000;
const TRANSACTION = { maxWait: 60_000, timeout: 6 * 60 * 60_000 };

export async function seedDatabase(prisma: PrismaClient, input: TSeedOptions): Promise<TSeedSummary> {
  const options = parseSeedOptions(input);
  const log = options.log ?? (() => {});
  const started = performance.now();
  const now = (options.now ?? new Date()).getTime();
  const n = options.credentials;
  const rng = createRng(options.seed);

  const logins: TDemoLogin[] = DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: options.demoPassword ?? randomPassword() }));
  const hashes = await Promise.all(logins.map((l) => hashPassword(l.password)));
  const { org, owners } = buildOrg(rng.fork("org"), now, n, hashes);
  const ctx = credentialContext(org, owners);

  const summary: TSeedSummary = {
    seed: options.seed, credentials: 0, users: org.users.length, teams: org.teams.length, memberships: org.memberships.length,
    providers: org.providers.length, identities: org.identities.length, mcpServers: org.mcpServers.length,
    bindings: 0, exposures: 0, usageEvents: 0, refreshLinks: 0, tracedCredentials: 0, passthroughTraces: 0, reset: false, skipped: false, elapsedMs: 0,
  };

  await prisma.$transaction(async (tx) => {
    const before = await prepareDatabase(tx, options.reset ? "reset" : options.ifEmpty ? "skip" : "refuse", log);
    if (before.skip) {
      summary.skipped = true;
      return;
    }
    summary.reset = before.nonEmpty.length > 0;
    let rows = 0;
    let nextReport = PROGRESS_EVERY;
    const count = (inserted: number) => {
      rows += inserted;
      if (rows < nextReport) return;
      log(`seed: ${summary.credentials.toLocaleString("en")}/${n.toLocaleString("en")} credentials, ${rows.toLocaleString("en")} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
      nextReport = (Math.floor(rows / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
    };
    const insert = async <R>(spec: TTableSpec<R>, list: readonly R[]) => count(await insertRows(tx, spec, list));
    await insert(T.USERS, org.users);
    await insert(T.TEAMS, org.teams);
    await insert(T.MEMBERSHIPS, org.memberships);
    await insert(T.PROVIDERS, org.providers);
    // Server identities first: mcp_servers.identity_id references them.
    await insert(T.IDENTITIES, org.identities);
    await insert(T.MCP_SERVERS, org.mcpServers);

    const serverPlans = planServerCredentials(rng.fork("server-credentials"), ctx, 0, n);
    const showcase = planShowcaseCredentials(rng.fork("showcase"), ctx, serverPlans.length, n - serverPlans.length);
    const special = [...serverPlans, ...showcase];
    const pools: TServerPools = new Map();
    for (const plan of serverPlans) {
      if (plan.route.kind === "server-held") pools.set(plan.route.server.id, [...(pools.get(plan.route.server.id) ?? []), plan.row]);
    }
    const tracedShare = Math.min(1, TRACED_CREDENTIAL_BUDGET / n);

    // One chunk is written while the next is generated; see chunk-pipeline.ts.
    let writing: Promise<void> = Promise.resolve();
    for (let index = 0, serial = special.length, planned = 0; planned < n; index++) {
      const first = index === 0 ? special : [];
      const size = Math.min(CHUNK, n - planned);
      const chunk = await generateChunk(rng.fork(`chunk:${index}`), ctx, pools, first, serial, size, tracedShare);
      serial += size - first.length;
      planned += size;
      await writing;
      summary.credentials += chunk.plans.length;
      summary.bindings += chunk.bindings.length;
      summary.exposures += chunk.exposures.length;
      summary.usageEvents += chunk.events.length;
      summary.tracedCredentials += chunk.tracedCredentials;
      summary.passthroughTraces += chunk.passthroughTraces;
      writing = writeChunk(tx, chunk, count);
      // Awaited on the next turn; until then a failure must not count as an unhandled rejection.
      writing.catch(() => {});
    }
    await writing;

    // Server credentials were inserted before the traces that use them were generated.
    const pooled = [...pools.values()].flat();
    if (pooled.length > 0) {
      const tuples = pooled.map((_, i) => `($${2 * i + 1}::uuid, $${2 * i + 2}::timestamp(3))`).join(",");
      await tx.$executeRawUnsafe(
        `UPDATE credentials c SET last_used_at = v.t FROM (VALUES ${tuples}) AS v(id, t) WHERE c.id = v.id`,
        ...pooled.flatMap((r) => [r.id, pgTimestamp(r.lastUsedAt)]),
      );
    }

    // A short-lived access token is renewed by its holder's newest refresh token from the same provider
    // (lib/inventory/auto-refresh.ts); linked once every credential exists.
    summary.refreshLinks = await tx.$executeRawUnsafe(
      `UPDATE credentials a SET refresh_credential_id = l.refresh_id
         FROM (SELECT DISTINCT ON (identity_id, provider_id) identity_id, provider_id, id AS refresh_id FROM credentials
                WHERE kind = 'oauth_refresh_token' AND identity_id IS NOT NULL
                ORDER BY identity_id, provider_id, issued_at DESC NULLS LAST, id) l
        WHERE a.identity_id = l.identity_id AND a.provider_id = l.provider_id
          AND a.kind = 'oauth_access_token' AND a.expires_at - a.issued_at <= interval '1 hour'`,
    );

    const { reset: _reset, skipped: _skipped, elapsedMs: _elapsed, ...counts } = summary;
    await appendAuditEvent(tx, null, {
      action: "seed.completed",
      targetType: "database",
      summary: {
        ...counts, now: new Date(now).toISOString(),
        ...(summary.reset ? { replaced: { auditEvents: before.auditEvents, auditHead: before.auditHead } } : {}),
      },
    });
    // Written before commit: if the file cannot be written, nothing is seeded with unknown passwords.
    if (options.loginFile) writeDemoLoginFile(options.loginFile, logins);
  }, TRANSACTION);

  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}
