import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Token format: `twk_<12 hex>_<43 base64url>` — a public prefix (the lookup key, shown in lists) and
 * 256 random bits. Only SHA-256 of the whole token is stored: the secret is random enough that a slow
 * hash adds nothing, and the same digest is the credential's fingerprint in the inventory, so a
 * Tokenward key found in an MCP config file matches its own inventory row.
 */

const TOKEN = /^(twk_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export type TNewToken = { token: string; prefix: string; secretHash: string; hint: string };

export function generateApiToken(): TNewToken {
  const prefix = `twk_${randomBytes(6).toString("hex")}`;
  const token = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix, secretHash: hashApiToken(token), hint: token.slice(-4) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The prefix of a well-formed token, or null: malformed input never reaches the database. */
export function parseApiToken(token: string): { prefix: string } | null {
  const match = TOKEN.exec(token);
  return match ? { prefix: match[1]! } : null;
}

export function tokenMatches(token: string, secretHash: string): boolean {
  const a = Buffer.from(hashApiToken(token), "hex");
  const b = Buffer.from(secretHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The bearer token of an Authorization header, or null when there is none; "invalid" when malformed. */
export function bearerToken(headers: Headers): string | null | "invalid" {
  const value = headers.get("authorization");
  if (value === null) return null;
  const match = /^Bearer ([!-~]{1,200})$/.exec(value.trim());
  return match ? match[1]! : "invalid";
}
