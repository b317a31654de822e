import "server-only";
import { randomUUID } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { supportFor, type TIssuedCredential } from "@/lib/connectors/contract";
import { fingerprintOf, hintOf } from "@/lib/connectors/fingerprint";
import { isProviderError } from "@/lib/connectors/provider-error";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { decryptSecret } from "@/lib/connectors/secrets";
import { AppError } from "@/lib/errors/app-error";
import type { CredentialKind, PrismaClient } from "@/lib/generated/prisma/client";
import { parseConnectorInput } from "@/lib/providers/services/connector-input";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import type { TIssueCredential } from "@/lib/credentials/schemas";
import { sealEphemeralSecret } from "@/lib/usage/services/ephemeral-secret";

/**
 * Issues a new credential through its provider (the connector's `issue`: an OAuth client-credentials
 * token bound to a resource, a GitHub installation token, …) and files it in the inventory with its
 * fingerprint, scopes, audience and expiry, owned by whoever asked and their first team. The value
 * is returned once, to the caller, and kept nowhere: the audit records that it was issued, not what.
 */

/** `revokeNeedsValue`: the provider revokes this kind only when shown its value — an ephemeral one then keeps it sealed until its task ends. */
export type TIssuePrepared = { issued: TIssuedCredential; kind: string; revokeNeedsValue: boolean };

export async function issueAtProvider(prisma: PrismaClient, input: TIssueCredential): Promise<TIssuePrepared> {
  const provider = await prisma.provider.findUnique({ where: { id: input.providerId } });
  if (!provider) throw new AppError("NOT_FOUND", "No such provider.");
  if (!isConnectorType(provider.type)) throw new AppError("CONFLICT", `${provider.name} has no connector: Tokenward cannot issue there.`);
  if (!provider.enabled) throw new AppError("CONFLICT", `${provider.name} is disabled.`);
  if (!provider.encryptedCredentials) throw new AppError("CONFLICT", `${provider.name} is not connected yet.`);
  const definition = connectorFor(provider.type);
  const issue = definition.capabilities.issue;
  if (!issue.supported) throw new AppError("CONFLICT", `${definition.label} cannot issue: ${issue.reason}`);
  const kind = issue.appliesTo?.kinds[0] ?? "oauth_access_token";
  if (!supportFor(issue, kind).supported) throw new AppError("CONFLICT", `${definition.label} cannot issue a ${kind}.`);
  const { config, secret } = parseConnectorInput(definition, provider.config, decryptSecret(provider.encryptedCredentials, provider.id));
  try {
    const issued = await issue.run({ config, secret }, { scopes: input.scopes, resource: input.resource, subject: input.subject });
    const revoke = supportFor(definition.capabilities.revoke, kind);
    return { issued, kind, revokeNeedsValue: revoke.supported && revoke.needsValue };
  } catch (error) {
    if (isProviderError(error)) throw new AppError("VALIDATION", `${provider.name} refused: ${error.message}`, { cause: error });
    throw error;
  }
}

export async function fileIssued(tx: TTx, actor: TActor, input: TIssueCredential, prepared: TIssuePrepared, now = new Date()): Promise<TRunOutcome<{ credentialId: string; value: string; expiresAt: string | null }>> {
  const { issued, kind } = prepared;
  const id = randomUUID();
  await tx.credential.create({
    data: {
      id,
      name: input.name,
      kind: kind as CredentialKind,
      providerId: input.providerId,
      externalId: issued.externalId ?? null,
      fingerprint: fingerprintOf(issued.value),
      hint: hintOf(issued.value),
      scopes: issued.scopes,
      audiences: input.resource ? [input.resource] : [],
      issuedAt: now,
      expiresAt: issued.expiresAt ?? null,
      source: "manual",
      ownerId: actor.id,
      teamId: actor.teamIds[0] ?? null,
      ephemeralSince: input.ephemeral ? now : null,
      ephemeralSecret: input.ephemeral && prepared.revokeNeedsValue ? sealEphemeralSecret(id, issued.value) : null,
    },
  });
  await recomputeCredentials(tx, [id], { now });
  const summary = { name: input.name, providerId: input.providerId, scopes: issued.scopes, resource: input.resource ?? null, expiresAt: issued.expiresAt?.toISOString() ?? null, ephemeral: input.ephemeral === true };
  return {
    data: { credentialId: id, value: issued.value, expiresAt: issued.expiresAt?.toISOString() ?? null },
    audit: [
      { action: "credential.issued", targetType: "credential", targetId: id, summary },
      { action: "providers.issue", targetType: "provider", targetId: input.providerId, summary: { ...summary, credentialId: id } },
    ],
  };
}
