import "server-only";
import { z } from "zod";
import { CAPABILITY_LABELS, supportFor, type TCapabilityName } from "@/lib/connectors/contract";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { ZVerificationRecord, type TVerificationRecord } from "@/lib/credentials/schemas";
import { verifyBlocker } from "@/lib/credentials/services/verify-credential";
import type { TActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getCredentialWorkflows, type TCredentialWorkflows } from "@/lib/workflows/queries";

/** What the credential's page shows of its provider's side: capabilities, last sync, last verification. */
export type TCredentialProviderState = {
  provider: { id: string; name: string; connected: boolean };
  /** The connector's declarations for what workflows and this page can do with a credential. */
  capabilities: { name: TCapabilityName; label: string; supported: boolean; reason: string | null }[];
  lastSyncedAt: string | null;
  revokedUpstreamAt: string | null;
  verifiedAt: string | null;
  verification: TVerificationRecord | null;
  /** Why "Verify now" cannot run, or null. */
  verifyBlocker: string | null;
  ephemeral: TEphemeralState;
};

/**
 * An ephemeral credential's life (lib/usage/services/end-ephemeral-tasks.ts): since when, whether
 * Tokenward holds the value its provider needs to revoke it, and once its task ended, the revocation
 * it started or why it could not ("should be revoked").
 */
export type TEphemeralState = {
  since: string | null;
  valueHeld: boolean;
  /** Revoking it will need a value Tokenward does not hold: the task's end will only flag it. */
  revokeNeedsValue: boolean;
  taskEnded: { at: string; traceId: string | null; workflowId: string | null; shouldBeRevoked: string | null } | null;
};

const SHOWN: TCapabilityName[] = ["verify", "revoke", "rotate", "lastUsed"];

export async function getCredentialProviderState(prisma: PrismaClient, credentialId: string): Promise<TCredentialProviderState | null> {
  const c = await prisma.credential.findUnique({
    where: { id: credentialId },
    select: {
      lastSyncedAt: true,
      revokedUpstreamAt: true,
      verifiedAt: true,
      verification: true,
      kind: true,
      ephemeralSince: true,
      taskEndedAt: true,
      // Read only to say whether a value is held; it never leaves this function.
      ephemeralSecret: true,
      // encryptedCredentials is read only to say whether a secret is set; it never leaves this function.
      provider: { select: { id: true, name: true, type: true, enabled: true, encryptedCredentials: true } },
    },
  });
  if (!c) return null;
  const { provider } = c;
  const connected = isConnectorType(provider.type);
  const capabilities = connected
    ? SHOWN.map((name) => {
        const cap = supportFor(connectorFor(provider.type as Parameters<typeof connectorFor>[0]).capabilities[name], c.kind);
        return { name, label: CAPABILITY_LABELS[name], supported: cap.supported, reason: cap.supported ? null : cap.reason };
      })
    : [];
  const verification = ZVerificationRecord.safeParse(c.verification);
  const revoke = connected ? supportFor(connectorFor(provider.type as Parameters<typeof connectorFor>[0]).capabilities.revoke, c.kind) : null;
  return {
    provider: { id: provider.id, name: provider.name, connected },
    capabilities,
    lastSyncedAt: c.lastSyncedAt?.toISOString() ?? null,
    revokedUpstreamAt: c.revokedUpstreamAt?.toISOString() ?? null,
    verifiedAt: c.verifiedAt?.toISOString() ?? null,
    verification: verification.success ? verification.data : null,
    verifyBlocker: verifyBlocker(provider, c.kind),
    ephemeral: {
      since: c.ephemeralSince?.toISOString() ?? null,
      valueHeld: c.ephemeralSecret !== null,
      revokeNeedsValue: revoke?.supported === true && revoke.needsValue,
      taskEnded: c.taskEndedAt ? await taskEndOf(prisma, credentialId, c.taskEndedAt) : null,
    },
  };
}

const ZTaskEnded = z.object({ traceId: z.string().nullish(), workflowId: z.string().nullish(), shouldBeRevoked: z.string().nullish() });

/** What the task's end did, as its audit event recorded it (the one place that says why it could not revoke). */
async function taskEndOf(prisma: PrismaClient, credentialId: string, at: Date): Promise<NonNullable<TEphemeralState["taskEnded"]>> {
  const event = await prisma.auditEvent.findFirst({
    where: { targetType: "credential", targetId: credentialId, action: "credential.task_ended" },
    orderBy: { seq: "desc" },
    select: { summary: true },
  });
  const summary = ZTaskEnded.safeParse(event?.summary);
  const s = summary.success ? summary.data : {};
  return { at: at.toISOString(), traceId: s.traceId ?? null, workflowId: s.workflowId ?? null, shouldBeRevoked: s.shouldBeRevoked ?? null };
}

type TLoad<T> = (prisma: PrismaClient, id: string, actor: TActor) => Promise<T | null>;

/** A detail-page loader that also reads the provider's side of the credential and its workflows, in parallel. */
export function withProviderState<T extends object>(load: TLoad<T>): TLoad<T & { providerState: TCredentialProviderState | null; workflows: TCredentialWorkflows | null }> {
  return async (prisma, id, actor) => {
    const [data, providerState, workflows] = await Promise.all([load(prisma, id, actor), getCredentialProviderState(prisma, id), getCredentialWorkflows(prisma, id)]);
    return data && { ...data, providerState, workflows };
  };
}
