import "server-only";
import { supportFor, type TSyncedCredentialKind, type TVerification } from "@/lib/connectors/contract";
import { isProviderError } from "@/lib/connectors/provider-error";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { decryptSecret } from "@/lib/connectors/secrets";
import type { TVerificationRecord } from "@/lib/credentials/schemas";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseConnectorInput } from "@/lib/providers/services/connector-input";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TRunOutcome, TTx } from "@/lib/server/execute";

/**
 * "Verify now": ask the credential's provider whether it is still active, with what scopes,
 * audience and expiry. The call runs outside the transaction (prepare); the answer is then stored
 * with the credential, audited, and acted on: a credential the provider no longer knows is marked
 * revoked upstream (as a sync would), one a sync had marked gone but the provider says is active is
 * restored. A credential Tokenward itself revoked that the provider still calls active is left as
 * it is — that disagreement is the finding, shown on the page.
 */

type TCredentialRow = { id: string; name: string; kind: string; externalId: string | null; providerMetadata: unknown; provider: { id: string; name: string; type: string; enabled: boolean; config: unknown; encryptedCredentials: string | null } };

/** Why this credential cannot be verified through its provider, or null. One answer for the page and the operation. */
export function verifyBlocker(provider: { name: string; type: string; enabled: boolean; encryptedCredentials: string | null }, kind: string): string | null {
  if (!isConnectorType(provider.type)) return `${provider.name} has no connector: Tokenward cannot ask it.`;
  const verify = supportFor(connectorFor(provider.type).capabilities.verify, kind);
  if (!verify.supported) return verify.reason;
  if (verify.needsValue) return `${provider.name} can only be asked about this credential by presenting it, and Tokenward does not keep it.`;
  if (!provider.enabled) return `${provider.name} is disabled.`;
  if (!provider.encryptedCredentials) return `${provider.name} has no secret yet: an admin must connect it first.`;
  return null;
}

export type TPreparedVerification = { credentialId: string; answer: TVerification | { error: { message: string; retryable: boolean; status: number | null } } };

export async function askProvider(prisma: PrismaClient, credentialId: string): Promise<TPreparedVerification> {
  const credential: TCredentialRow | null = await prisma.credential.findUnique({
    where: { id: credentialId },
    select: { id: true, name: true, kind: true, externalId: true, providerMetadata: true, provider: { select: { id: true, name: true, type: true, enabled: true, config: true, encryptedCredentials: true } } },
  });
  if (!credential) throw new AppError("NOT_FOUND", "No such credential.");
  const { provider } = credential;
  const blocker = verifyBlocker(provider, credential.kind);
  if (blocker) throw new AppError("CONFLICT", blocker);
  const definition = connectorFor(provider.type as Parameters<typeof connectorFor>[0]);
  const verify = definition.capabilities.verify;
  // Narrowing only: verifyBlocker refused both already.
  if (!verify.supported || !provider.encryptedCredentials) throw new AppError("CONFLICT", blocker ?? "Cannot verify.");
  const { config, secret } = parseConnectorInput(definition, provider.config, decryptSecret(provider.encryptedCredentials, provider.id));
  try {
    const answer = await verify.run(
      { config, secret },
      {
        externalId: credential.externalId ?? undefined,
        kind: credential.kind as TSyncedCredentialKind,
        metadata: (credential.providerMetadata as Record<string, unknown> | null) ?? undefined,
      },
    );
    return { credentialId, answer };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    return { credentialId, answer: { error: { message: error.message, retryable: error.retryable, status: error.status ?? null } } };
  }
}

export async function recordVerification(tx: TTx, prepared: TPreparedVerification, now = new Date()): Promise<TRunOutcome<TVerificationRecord>> {
  const before = await tx.credential.findUniqueOrThrow({ where: { id: prepared.credentialId }, select: { status: true, revokedUpstreamAt: true, expiresAt: true, name: true } });
  const { answer } = prepared;
  let record: TVerificationRecord;
  if ("error" in answer) {
    record = { ok: false, ...answer.error };
  } else {
    const expired = answer.expiresAt ? answer.expiresAt <= now : before.expiresAt !== null && before.expiresAt <= now;
    const effect = !answer.active && before.status === "active" && !expired ? "revoked_upstream" : answer.active && before.revokedUpstreamAt !== null ? "restored" : "none";
    record = {
      ok: true,
      active: answer.active,
      scopes: answer.scopes,
      audience: answer.audience,
      expiresAt: answer.expiresAt?.toISOString() ?? null,
      clientId: answer.clientId ?? null,
      subject: answer.subject ?? null,
      effect,
    };
  }
  const effect = record.ok ? record.effect : "none";
  await tx.credential.update({
    where: { id: prepared.credentialId },
    data: {
      verifiedAt: now,
      verification: record,
      ...(effect === "revoked_upstream" ? { status: "revoked", revokedUpstreamAt: now } : {}),
      ...(effect === "restored" ? { status: "active", revokedUpstreamAt: null } : {}),
    },
  });
  if (effect !== "none") await recomputeCredentials(tx, [prepared.credentialId], { now });
  return {
    data: record,
    audit: { targetType: "credential", targetId: prepared.credentialId, summary: { name: before.name, ...record, ...(effect !== "none" ? { before: { status: before.status }, after: { status: effect === "revoked_upstream" ? "revoked" : "active" } } : {}) } },
  };
}
