import "server-only";
import type { TConnectorDefinition, TCredentialRef, TIssuedCredential, TSyncedCredentialKind } from "@/lib/connectors/contract";
import { ProviderError } from "@/lib/connectors/provider-error";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { decryptSecret } from "@/lib/connectors/secrets";
import { parseConnectorInput } from "@/lib/providers/services/connector-input";
import type { TStepState } from "@/lib/workflows/state-machine";
import { openWorkflowSecret, planOf, type TLockedWorkflow } from "./workflow-record";
import { deliverSecret } from "@/lib/delivery/services/deliver-secret";

/**
 * One step's provider call, made outside any transaction (it may take up to the provider's
 * timeout). It reads the workflow as claimed and returns what happened; the executor records it.
 * Each step is safe to run again after a crash: issuing is skipped once a replacement is recorded,
 * revoking an already revoked credential succeeds at every provider we speak to (RFC 7009 §2.2,
 * GitHub, AWS NoSuchEntity), and verifying only reads.
 */

export type TStepResult =
  | { ok: true; detail: Record<string, unknown>; issued?: TIssuedCredential; delivered?: boolean }
  | { ok: false; error: { message: string; retryable: boolean; status: number | null; kind: string } };

type TCtx = { definition: TConnectorDefinition; config: unknown; secret: unknown };

function connectorContext(w: TLockedWorkflow): TCtx {
  if (!isConnectorType(w.provider.type)) throw new ProviderError("config", `${w.provider.name} has no connector.`, { retryable: false });
  if (!w.provider.enabled) throw new ProviderError("config", `${w.provider.name} was disabled: enable it, then retry.`, { retryable: false });
  if (!w.provider.encryptedCredentials) throw new ProviderError("config", `${w.provider.name} has no secret: edit it, then retry.`, { retryable: false });
  const definition = connectorFor(w.provider.type);
  const { config, secret } = parseConnectorInput(definition, w.provider.config, decryptSecret(w.provider.encryptedCredentials, w.provider.id));
  return { definition, config, secret };
}

const kindOf = (w: TLockedWorkflow) => w.credential.kind as TSyncedCredentialKind;

function oldRef(w: TLockedWorkflow): TCredentialRef {
  return {
    value: w.oldSecret ? openWorkflowSecret(w.id, "old", w.oldSecret) : undefined,
    externalId: w.credential.externalId ?? undefined,
    kind: kindOf(w),
    metadata: (w.credential.providerMetadata as Record<string, unknown> | null) ?? undefined,
  };
}

function newRef(w: TLockedWorkflow): TCredentialRef {
  return {
    value: w.pendingSecret ? openWorkflowSecret(w.id, "new", w.pendingSecret) : undefined,
    externalId: w.newExternalId ?? undefined,
    kind: kindOf(w),
    metadata: (w.credential.providerMetadata as Record<string, unknown> | null) ?? undefined,
  };
}

function requireSupported<F>(cap: { supported: true; run: F } | { supported: false; reason: string }, what: string): F {
  if (!cap.supported) throw new ProviderError("unsupported", `The connector cannot ${what}: ${cap.reason}`, { retryable: false });
  return cap.run;
}

/** What the claim read beside the workflow: the old credential's grants, the replacement's expiry. */
export type TCredentialFacts = { scopes: string[]; audiences: string[]; newExpiresAt: string | null };

async function run(w: TLockedWorkflow, step: TStepState, facts: TCredentialFacts): Promise<TStepResult> {
  const plan = planOf(w);
  if (step === "approved") {
    if (!plan.possible) throw new ProviderError("config", plan.reason, { retryable: false });
    return { ok: true, detail: { plan: plan.summary } };
  }
  const ctx = connectorContext(w);
  const caps = ctx.definition.capabilities;
  const connectorCtx = { config: ctx.config, secret: ctx.secret };
  switch (step) {
    case "issuing_new": {
      // Already issued on an earlier attempt whose answer was recorded: never issue twice.
      if (w.newExternalId || w.pendingSecret) return { ok: true, detail: { skipped: "already issued", externalId: w.newExternalId } };
      const issued = caps.rotate.supported
        ? await caps.rotate.run(connectorCtx, oldRef(w))
        : await requireSupported(caps.issue, "issue a replacement")(connectorCtx, { scopes: facts.scopes, resource: facts.audiences[0], subject: subjectOf(w) });
      return { ok: true, issued, detail: { externalId: issued.externalId ?? null, scopes: issued.scopes, expiresAt: issued.expiresAt?.toISOString() ?? null } };
    }
    case "delivering": {
      // Without a target the secret stays sealed for a one-time reveal to the owner (or until it expires).
      const target = w.deliveryTarget;
      if (!target) return { ok: true, detail: { delivery: "one-time reveal to the owner" } };
      if (!target.enabled) throw new ProviderError("config", `The delivery target ${target.name} was disabled.`, { retryable: false });
      if (!w.pendingSecret) throw new ProviderError("config", "The new secret is no longer held: nothing to deliver.", { retryable: false });
      const { status } = await deliverSecret(target, {
        event: "credential.rotated",
        workflowId: w.id,
        credential: { id: w.credentialId, name: w.credential.name, newId: w.newCredentialId, externalId: w.newExternalId, expiresAt: facts.newExpiresAt },
        secret: openWorkflowSecret(w.id, "new", w.pendingSecret),
      });
      return { ok: true, detail: { delivery: `signed webhook ${target.name}`, status }, delivered: true };
    }
    case "verifying_new": {
      if (!plan.possible || !plan.canVerify) return { ok: true, detail: { verified: false, why: "the provider cannot be asked; its issue answer is trusted" } };
      const v = await requireSupported(caps.verify, "verify")(connectorCtx, newRef(w));
      if (!v.active) return { ok: false, error: { message: "The provider says the new credential is not active.", retryable: false, status: null, kind: "verification" } };
      return { ok: true, detail: { active: true, scopes: v.scopes, audience: v.audience, expiresAt: v.expiresAt?.toISOString() ?? null } };
    }
    case "revoking_old":
      await requireSupported(caps.revoke, "revoke")(connectorCtx, oldRef(w));
      return { ok: true, detail: { revoked: "old" } };
    case "verifying_old_revoked": {
      if (!plan.possible || !plan.canVerify) return { ok: true, detail: { verified: false, why: "the provider cannot be asked; its revocation answer is trusted" } };
      if (plan.verifyNeedsValue && !w.oldSecret) return { ok: true, detail: { verified: false, why: "the provider checks by value, and none was supplied" } };
      const v = await requireSupported(caps.verify, "verify")(connectorCtx, oldRef(w));
      // Some providers revoke asynchronously (GitHub answers 202): still active is worth retrying.
      if (v.active) return { ok: false, error: { message: "The provider still reports the old credential as active.", retryable: true, status: null, kind: "verification" } };
      return { ok: true, detail: { active: false } };
    }
    case "rolling_back":
      if (!w.pendingSecret && !w.newExternalId) return { ok: true, detail: { skipped: "nothing was issued" } };
      await requireSupported(caps.revoke, "revoke the new credential")(connectorCtx, newRef(w));
      return { ok: true, detail: { revoked: "new" } };
  }
}

/** The IAM user, installation, … a replacement is issued to, as the last sync recorded it. */
function subjectOf(w: TLockedWorkflow): string | undefined {
  const m = (w.credential.providerMetadata as Record<string, unknown> | null) ?? {};
  const subject = m.userName ?? m.subject ?? m.installationId;
  return typeof subject === "string" || typeof subject === "number" ? String(subject) : undefined;
}

export async function performStep(w: TLockedWorkflow, step: TStepState, facts: TCredentialFacts): Promise<TStepResult> {
  try {
    return await run(w, step, facts);
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, error: { message: error.message, retryable: error.retryable, status: error.status ?? null, kind: error.kind } };
    throw error;
  }
}
