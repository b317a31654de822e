/**
 * Rate limits behind one interface, so sign-in, list APIs and machine API keys share the rules and
 * several app instances can share the counts (TOKENWARD_RATE_LIMIT_STORE=postgres).
 *
 * `reserve` decides and counts in one atomic step BEFORE the expensive or risky work (reserve, then
 * verify): parallel requests cannot all see "under the limit" and slip past it. A refused
 * reservation counts nothing, so hammering a closed window does not extend it.
 */

export type TBackoff = { freeAttempts: number; baseMs: number; maxMs: number };

/**
 * `limit` events per fixed `windowMs`. With `backoff`, every counted event after `freeAttempts`
 * doubles a wait (capped at maxMs) before the next one is allowed, and the count is forgotten only
 * after `windowMs` of quiet following the last wait: a slow attacker cannot outlast it.
 */
export type TRateLimitRule = { limit: number; windowMs: number; backoff?: TBackoff };

export type TRateLimitState = { count: number; resetAt: number; nextAt: number };

export type TReservation = { allowed: boolean; count: number; retryAfterMs: number };

export type TRateLimitStore = {
  reserve: (key: string, rule: TRateLimitRule, now: number, cost?: number) => Promise<TReservation>;
  /** Gives back a reservation that should not count (e.g. the attempt succeeded). */
  release: (key: string, now: number, cost?: number) => Promise<void>;
  reset: (key: string) => Promise<void>;
};

/** The one decision both stores make, from the state before the event to the state after it. */
export function advance(
  before: TRateLimitState | null,
  rule: TRateLimitRule,
  now: number,
  cost = 1,
): { state: TRateLimitState; reservation: TReservation } {
  const live = before && before.resetAt > now ? before : { count: 0, resetAt: now + rule.windowMs, nextAt: 0 };
  if (live.nextAt > now) return { state: live, reservation: { allowed: false, count: live.count, retryAfterMs: live.nextAt - now } };
  if (live.count + cost > rule.limit) return { state: live, reservation: { allowed: false, count: live.count, retryAfterMs: live.resetAt - now } };
  const count = live.count + cost;
  let { resetAt } = live;
  let nextAt = 0;
  if (rule.backoff && count >= rule.backoff.freeAttempts) {
    const steps = Math.min(count - rule.backoff.freeAttempts, 40);
    nextAt = now + Math.min(rule.backoff.baseMs * 2 ** steps, rule.backoff.maxMs);
    resetAt = Math.max(resetAt, nextAt + rule.windowMs);
  }
  return { state: { count, resetAt, nextAt }, reservation: { allowed: true, count, retryAfterMs: 0 } };
}

/**
 * In-process store with a bounded number of keys. When full it drops only expired windows; if every
 * window is live, a NEW key is refused (fails closed) rather than evicting someone's live count —
 * evicting would let 10,000 junk keys wipe a victim's failures.
 */
export function createMemoryRateLimitStore(options: { maxKeys?: number } = {}): TRateLimitStore {
  const maxKeys = options.maxKeys ?? 50_000;
  const windows = new Map<string, TRateLimitState>();
  let earliestReset = Infinity; // no sweep can free anything before this

  function sweep(now: number) {
    if (now < earliestReset) return;
    earliestReset = Infinity;
    for (const [k, w] of windows) {
      if (w.resetAt <= now) windows.delete(k);
      else earliestReset = Math.min(earliestReset, w.resetAt);
    }
  }

  return {
    async reserve(key, rule, now, cost = 1) {
      const before = windows.get(key) ?? null;
      if (!before && windows.size >= maxKeys) {
        sweep(now);
        if (windows.size >= maxKeys) return { allowed: false, count: 0, retryAfterMs: Math.max(1, earliestReset - now) };
      }
      const { state, reservation } = advance(before, rule, now, cost);
      windows.set(key, state);
      earliestReset = Math.min(earliestReset, state.resetAt);
      return reservation;
    },
    async release(key, now, cost = 1) {
      const w = windows.get(key);
      if (w && w.resetAt > now) w.count = Math.max(0, w.count - cost);
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
