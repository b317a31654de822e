import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/connectors/secrets";
import { AppError } from "@/lib/errors/app-error";

/**
 * The value of an ephemeral credential whose provider revokes only when shown it (RFC 7009 tokens,
 * GitHub installation tokens): held sealed under the connector key, bound to the credential's row,
 * from issue until its task ends — then handed to the revocation workflow and erased here.
 */

export const ephemeralSecretRow = (credentialId: string) => `credential:${credentialId}:ephemeral`;

export function sealEphemeralSecret(credentialId: string, value: string): string {
  return encryptSecret({ value }, ephemeralSecretRow(credentialId));
}

export function openEphemeralSecret(credentialId: string, envelope: string): string {
  const opened = decryptSecret(envelope, ephemeralSecretRow(credentialId)) as { value?: unknown };
  if (typeof opened.value !== "string") throw new AppError("INTERNAL", "An ephemeral credential's sealed value is not in the expected shape.");
  return opened.value;
}
