/**
 * Fixed-window limiter kept in process memory. Enough for one app instance; several instances
 * behind a balancer each count separately (documented in ARCHITECTURE.md as a known limit).
 */

type TWindow = { count: number; resetAt: number };

export type TRateLimiter = {
  /** Counts one event against `key` and says whether it was within the limit. */
  hit: (key: string, now?: number) => { allowed: boolean; retryAfterMs: number };
  /** Whether `key` is over the limit now, without counting anything. */
  isLimited: (key: string, now?: number) => boolean;
  reset: (key: string) => void;
};

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): TRateLimiter {
  const windows = new Map<string, TWindow>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    isLimited(key, now = Date.now()) {
      const w = windows.get(key);
      return Boolean(w && w.resetAt > now && w.count >= options.limit);
    },
    reset(key) {
      windows.delete(key);
    },
    hit(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || w.resetAt <= now) {
        if (windows.size >= maxKeys) {
          for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        }
        w = { count: 0, resetAt: now + options.windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      return { allowed: w.count <= options.limit, retryAfterMs: Math.max(0, w.resetAt - now) };
    },
  };
}
