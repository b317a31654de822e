import { API_KEY_SCOPES } from "@/lib/api-keys/scopes";

/** Under this many days left, an active key's expiry is flagged so someone rotates it in time. */
export const EXPIRY_WARNING_DAYS = 14;

const DAY = 86_400_000;

/** Whole days left until `iso` (rounded down: 9 d 20 h is 9 days; under a day is 0). */
export function daysLeft(iso: string, now: number): number {
  return Math.floor((Date.parse(iso) - now) / DAY);
}

/** "expires in 9 days", "expires in 1 day", "expires in < 1 day". */
export function expiresInLabel(days: number): string {
  if (days < 1) return "expires in < 1 day";
  return `expires in ${days} ${days === 1 ? "day" : "days"}`;
}

/** The registry's label for a scope id; an id no longer in the registry shows as itself. */
export function scopeLabel(scope: string): string {
  return (API_KEY_SCOPES as Record<string, { label: string } | undefined>)[scope]?.label ?? scope;
}
