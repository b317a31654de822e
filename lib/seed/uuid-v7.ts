import type { TRng } from "@/lib/seed/prng";

/**
 * UUID v7 (RFC 9562): 48-bit Unix ms timestamp, version 7, 74 random bits. Made client-side so rows
 * can reference each other across tables without reading ids back, and stamped with the row's own
 * creation time (not the wall clock) so ids sort like created_at and a fixed seed gives fixed ids.
 */
export function uuidV7(ms: number, rng: TRng): string {
  const time = Math.max(0, Math.min(Math.floor(ms), 2 ** 48 - 1)).toString(16).padStart(12, "0");
  const variant = "89ab"[Math.floor(rng.next() * 4)];
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rng.hex(3)}-${variant}${rng.hex(3)}-${rng.hex(12)}`;
}

export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
