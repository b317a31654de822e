import { createHash } from "node:crypto";

/**
 * How Tokenward recognises a secret without keeping it (DESIGN.md "Fingerprint"): a connector, the
 * config scanner and usage ingestion all key credentials by this, so a token found in one place
 * lights up the credential another source reported.
 */

/** "sha256:" + lowercase hex SHA-256 of the exact secret string (UTF-8). */
export function fingerprintOf(secret: string): string {
  return `sha256:${createHash("sha256").update(secret, "utf8").digest("hex")}`;
}

/** The last four characters: enough for a human to recognise a token, never more. */
export function hintOf(secret: string): string {
  return secret.slice(-4);
}

export const FINGERPRINT_PATTERN = /^sha256:[0-9a-f]{64}$/;
