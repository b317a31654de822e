import { API_KEY_SCOPES } from "@/lib/api-keys/scopes";

/** Under this many days left, an active key's expiry is flagged so someone rotates it in time. */
export const EXPIRY_WARNING_DAYS = 14;

const DAY = 86_400_000;

/** Whole days until `iso` (rounded up: a key expiring in 3 h has "1 day" left). */
export function daysLeft(iso: string, now: number): number {
  return Math.ceil((Date.parse(iso) - now) / DAY);
}

/** The registry's label for a scope id; an id no longer in the registry shows as itself. */
export function scopeLabel(scope: string): string {
  return (API_KEY_SCOPES as Record<string, { label: string } | undefined>)[scope]?.label ?? scope;
}
