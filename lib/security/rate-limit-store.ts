import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createMemoryRateLimitStore, type TRateLimitStore } from "@/lib/security/rate-limit";
import { createPostgresRateLimitStore } from "@/lib/security/services/postgres-rate-limit-store";

let memory: TRateLimitStore | undefined;
let postgres: Promise<TRateLimitStore> | undefined;

/** The store TOKENWARD_RATE_LIMIT_STORE selects: one per process. */
export async function rateLimitStore(): Promise<TRateLimitStore> {
  if (env().TOKENWARD_RATE_LIMIT_STORE === "postgres") return (postgres ??= db().then(createPostgresRateLimitStore));
  return (memory ??= createMemoryRateLimitStore());
}
