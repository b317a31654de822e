/**
 * The client's address as far as the deployment can vouch for it. X-Forwarded-For is a list each
 * proxy appends to; only the entries added by our own `trustedProxies` proxies (the rightmost ones)
 * are true, anything to their left is whatever the client sent. With no trusted proxy the header
 * proves nothing (Next.js only fills it from the socket when the client did not send one), so the
 * address is unknown: callers must not key a shared limit on a value an attacker picks.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | null {
  if (trustedProxies < 1) return null;
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than proxies: the chain is shorter than configured; the leftmost is the best we have.
  return entries[Math.max(0, entries.length - trustedProxies)]!;
}
