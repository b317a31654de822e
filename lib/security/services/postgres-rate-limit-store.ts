import type { PrismaClient } from "@/lib/generated/prisma/client";
import { advance, type TRateLimitStore } from "@/lib/security/rate-limit";

type TRow = { count: number; reset_at: bigint; next_at: bigint };

// Expired rows are deleted every this many reservations (per process), not on every call.
const SWEEP_EVERY = 500;

/**
 * Rate-limit windows in the `rate_limits` table, for several app instances. Each reservation locks
 * its row (inserted first if missing, so concurrent first attempts meet on the same row) and applies
 * the same `advance` rule as the memory store: concurrent requests for a key are serialised, none
 * slips past the limit. Works on PGlite (one connection: the transactions simply queue).
 */
export function createPostgresRateLimitStore(prisma: PrismaClient): TRateLimitStore {
  let calls = 0;
  return {
    async reserve(key, rule, now, cost = 1) {
      if (++calls % SWEEP_EVERY === 0) await prisma.$executeRaw`DELETE FROM rate_limits WHERE reset_at <= ${BigInt(now)}`;
      return prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`INSERT INTO rate_limits (key, count, reset_at, next_at) VALUES (${key}, 0, 0, 0) ON CONFLICT (key) DO NOTHING`;
          const [row] = await tx.$queryRaw<TRow[]>`SELECT count, reset_at, next_at FROM rate_limits WHERE key = ${key} FOR UPDATE`;
          const before = row ? { count: row.count, resetAt: Number(row.reset_at), nextAt: Number(row.next_at) } : null;
          const { state, reservation } = advance(before, rule, now, cost);
          await tx.$executeRaw`UPDATE rate_limits SET count = ${state.count}, reset_at = ${BigInt(state.resetAt)}, next_at = ${BigInt(state.nextAt)} WHERE key = ${key}`;
          return reservation;
        },
        // A burst queues on the row lock (and on PGlite's single connection): wait rather than fail.
        { maxWait: 15_000, timeout: 15_000 },
      );
    },
    async release(key, now, cost = 1) {
      await prisma.$executeRaw`UPDATE rate_limits SET count = GREATEST(count - ${cost}, 0) WHERE key = ${key} AND reset_at > ${BigInt(now)}`;
    },
    async reset(key) {
      await prisma.$executeRaw`DELETE FROM rate_limits WHERE key = ${key}`;
    },
  };
}
