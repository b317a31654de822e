// No "server-only": scripts/connector-keys.ts (tsx) imports this too; node:crypto keeps it off the client.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/**
 * Connector secrets at rest: AES-256-GCM under a key from the environment (TOKENWARD_CONNECTOR_KEYS),
 * never from the database. The envelope names its key, so keys rotate: the first key encrypts, the
 * others still decrypt. The AAD binds a ciphertext to its provider row, so a secret copied onto
 * another row (by someone with database access) does not decrypt there.
 *
 * Envelope: "tw1.<keyId>.<iv base64url>.<ciphertext+tag base64url>".
 */

export type TKeyring = { id: string; key: Buffer }[];

const VERSION = "tw1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function connectorKeyring(): TKeyring {
  return env().TOKENWARD_CONNECTOR_KEYS;
}

function aad(rowId: string): Buffer {
  return Buffer.from(`tokenward:provider-secret:${rowId}`, "utf8");
}

function currentKey(keyring: TKeyring) {
  const key = keyring[0];
  if (!key) throw new AppError("CONFLICT", "No connector key is configured: set TOKENWARD_CONNECTOR_KEYS (id:base64 of 32 bytes) to store provider secrets.");
  return key;
}

export function encryptSecret(secret: unknown, rowId: string, keyring: TKeyring = connectorKeyring()): string {
  const { id, key } = currentKey(keyring);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(rowId));
  const body = Buffer.concat([cipher.update(JSON.stringify(secret), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, id, iv.toString("base64url"), body.toString("base64url")].join(".");
}

export function envelopeKeyId(envelope: string): string | undefined {
  const [version, keyId] = envelope.split(".");
  return version === VERSION ? keyId : undefined;
}

/** Errors say which key or row is wrong, never anything about the plaintext. */
export function decryptSecret(envelope: string, rowId: string, keyring: TKeyring = connectorKeyring()): unknown {
  const parts = envelope.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new AppError("INTERNAL", "A provider secret is not in a format this version reads.");
  const [, keyId, ivText, bodyText] = parts as [string, string, string, string];
  const entry = keyring.find((k) => k.id === keyId);
  if (!entry) throw new AppError("CONFLICT", `A provider secret is encrypted under key "${keyId}", which TOKENWARD_CONNECTOR_KEYS no longer holds.`);
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new AppError("INTERNAL", "A provider secret is truncated.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, iv);
    decipher.setAAD(aad(rowId));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString("utf8"));
  } catch (cause) {
    throw new AppError("INTERNAL", "A provider secret failed authentication (tampered, or not this provider's).", { cause });
  }
}

/** Re-encrypts under the current key; unchanged (same string) when it already is. */
export function reencryptSecret(envelope: string, rowId: string, keyring: TKeyring = connectorKeyring()): string {
  if (envelopeKeyId(envelope) === currentKey(keyring).id) return envelope;
  return encryptSecret(decryptSecret(envelope, rowId, keyring), rowId, keyring);
}
