// No "server-only": scripts/connector-keys.ts (tsx) imports this too; node:crypto keeps it off the client.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { connectorKeyring, envelopeKeyId, reencryptSecret, type TKeyring } from "./secrets";

export type TRotationSummary = { total: number; rotated: number; current: string };

/**
 * Re-encrypts every secret Tokenward holds under the current key (the first of
 * TOKENWARD_CONNECTOR_KEYS) — providers' secrets, delivery targets' signing secrets, MCP probe clients' secrets, ephemeral credentials' values, and the values
 * workflows hold for a while (a new secret until revealed, an old one until revoked) — in one transaction: either all move or none do.
 * After it, retired keys can leave the list.
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
    const held = await tx.$queryRawUnsafe<{ id: string; pending_secret: string | null; old_secret: string | null }[]>(
      `SELECT id::text AS id, pending_secret, old_secret FROM workflows WHERE pending_secret IS NOT NULL OR old_secret IS NOT NULL ORDER BY id FOR UPDATE`,
    );
    for (const w of held) {
      const data: { pendingSecret?: string; oldSecret?: string } = {};
      if (w.pending_secret && envelopeKeyId(w.pending_secret) !== current) data.pendingSecret = reencryptSecret(w.pending_secret, `workflow:${w.id}:new`, keyring);
      if (w.old_secret && envelopeKeyId(w.old_secret) !== current) data.oldSecret = reencryptSecret(w.old_secret, `workflow:${w.id}:old`, keyring);
      if (Object.keys(data).length === 0) continue;
      await tx.workflow.update({ where: { id: w.id }, data });
      rotated += 1;
    }
    const targets = await tx.$queryRawUnsafe<{ id: string; envelope: string }[]>(`SELECT id::text AS id, encrypted_secret AS envelope FROM delivery_targets ORDER BY id FOR UPDATE`);
    for (const t of targets) {
      if (envelopeKeyId(t.envelope) === current) continue;
      await tx.deliveryTarget.update({ where: { id: t.id }, data: { encryptedSecret: reencryptSecret(t.envelope, `delivery-target:${t.id}`, keyring) } });
      rotated += 1;
    }
    // The MCP authorization probe's client secrets (lib/mcp-servers/services/manage-probe.ts).
    const probes = await tx.$queryRawUnsafe<{ id: string; envelope: string }[]>(`SELECT id::text AS id, encrypted_secret AS envelope FROM mcp_probe_settings ORDER BY id FOR UPDATE`);
    for (const p of probes) {
      if (envelopeKeyId(p.envelope) === current) continue;
      await tx.mcpProbeSettings.update({ where: { id: p.id }, data: { encryptedSecret: reencryptSecret(p.envelope, `mcp-probe:${p.id}`, keyring) } });
      rotated += 1;
    }
    // Ephemeral credentials' values held until their task ends (lib/usage/services/ephemeral-secret.ts).
    const ephemeral = await tx.$queryRawUnsafe<{ id: string; envelope: string }[]>(`SELECT id::text AS id, ephemeral_secret AS envelope FROM credentials WHERE ephemeral_secret IS NOT NULL ORDER BY id FOR UPDATE`);
    for (const c of ephemeral) {
      if (envelopeKeyId(c.envelope) === current) continue;
      await tx.credential.update({ where: { id: c.id }, data: { ephemeralSecret: reencryptSecret(c.envelope, `credential:${c.id}:ephemeral`, keyring) } });
      rotated += 1;
    }
    return { total: rows.length + held.length + targets.length + probes.length + ephemeral.length, rotated, current };
  });
}
