import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";

/**
 * Just enough JWT for the probe: read a token's header and claims (no verification — the probe
 * only needs to know what the authorization server put in it), and forge a copy signed by a key the
 * server cannot trust (generated per run, never stored).
 */

export type TJwtParts = { header: Record<string, unknown>; payload: Record<string, unknown> };

function b64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

function objectOf(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The header and claims of a compact JWS, or null for an opaque token. */
export function decodeJwt(token: string): TJwtParts | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const header = objectOf(parts[0]!);
  const payload = objectOf(parts[1]!);
  return header && payload && typeof header.alg === "string" ? { header, payload } : null;
}

/** The audiences a JWT names (RFC 7519 `aud`: a string or a list); empty when none. */
export function audiencesOf(payload: Record<string, unknown>): string[] {
  const aud = payload.aud;
  if (typeof aud === "string") return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === "string") : [];
}

type TSigner = { alg: string; key: KeyObject; dsa?: "ieee-p1363" };

function throwawaySigner(alg: string): TSigner | null {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return { alg: "RS256", key: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey };
  if (alg === "ES256") return { alg, key: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey, dsa: "ieee-p1363" };
  if (alg === "ES384") return { alg, key: generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey, dsa: "ieee-p1363" };
  if (alg === "EdDSA" || alg === "Ed25519") return { alg, key: generateKeyPairSync("ed25519").privateKey };
  return null;
}

const HASH: Record<string, string | null> = { RS256: "sha256", ES256: "sha256", ES384: "sha384", EdDSA: null, Ed25519: null };

/**
 * The same header (kid included: a verifier that picks the key by kid and checks nothing else is
 * what this catches) and claims, with a fresh expiry, signed by a throwaway key of the same family.
 * Null when the algorithm is symmetric or unknown (a shared secret cannot be "untrusted").
 */
export function forgeWithUntrustedKey(original: TJwtParts, nowSeconds: number): string | null {
  const signer = throwawaySigner(String(original.header.alg));
  if (!signer) return null;
  const header = { ...original.header, alg: signer.alg };
  const payload = { ...original.payload, iat: nowSeconds, exp: nowSeconds + 300 };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const hash = HASH[signer.alg] ?? null;
  const signature = sign(hash, Buffer.from(input), signer.dsa ? { key: signer.key, dsaEncoding: signer.dsa } : signer.key);
  return `${input}.${b64url(signature)}`;
}
