// No "server-only": scripts/connector-keys.ts (tsx) imports this too; node:crypto keeps it off the client.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { connectorKeyring, envelopeKeyId, reencryptSecret, type TKeyring } from "./secrets";

export type TRotationSummary = { total: number; rotated: number; current: string };

/**
 * Re-encrypts every provider secret under the current key (the first of TOKENWARD_CONNECTOR_KEYS),
 * in one transaction: either all move or none do. After it, retired keys can leave the list.
 */
export async function rotateConnectorSecrets(prisma: PrismaClient, keyring: TKeyring = connectorKeyring()): Promise<TRotationSummary> {
  const current = keyring[0]?.id;
  if (!current) throw new Error("TOKENWARD_CONNECTOR_KEYS is empty: nothing to rotate to.");
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: string; envelope: string }[]>(
      `SELECT id::text AS id, encrypted_credentials AS envelope FROM providers WHERE encrypted_credentials IS NOT NULL ORDER BY id FOR UPDATE`,
    );
    let rotated = 0;
    for (const row of rows) {
      if (envelopeKeyId(row.envelope) === current) continue;
      await tx.provider.update({ where: { id: row.id }, data: { encryptedCredentials: reencryptSecret(row.envelope, row.id, keyring) } });
      rotated += 1;
    }
    return { total: rows.length, rotated, current };
  });
}
