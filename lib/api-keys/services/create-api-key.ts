import { scopesBeyondRole } from "@/lib/api-keys/scopes";
import type { TCreateApiKey } from "@/lib/api-keys/schemas";
import { generateApiToken } from "@/lib/api-keys/token";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TAuditDraft, TRunOutcome, TTx } from "@/lib/server/execute";

/** What the creator sees once: the token is returned by this call and never again. */
export type TCreatedApiKey = { id: string; name: string; prefix: string; token: string; scopes: string[]; expiresAt: string; credentialId: string };

const DAY_MS = 86_400_000;
export const TOKENWARD_PROVIDER = { name: "Tokenward", type: "tokenward" } as const;

/** Tokenward as a provider of its own inventory: its API keys are credentials like any other. */
async function tokenwardProvider(tx: TTx): Promise<string> {
  const existing = await tx.provider.findFirst({ where: { type: TOKENWARD_PROVIDER.type }, select: { id: true } });
  if (existing) return existing.id;
  return (await tx.provider.create({ data: { ...TOKENWARD_PROVIDER, sensitivity: "high" }, select: { id: true } })).id;
}

export async function createApiKey(tx: TTx, actor: TActor, input: TCreateApiKey, now = new Date()): Promise<TRunOutcome<TCreatedApiKey>> {
  // A key never reaches further than its creator, and keys do not mint keys.
  if (actor.apiKey) throw new AppError("FORBIDDEN", "An API key cannot create API keys.");
  const beyond = scopesBeyondRole(actor.role, input.scopes);
  if (beyond.length > 0) {
    throw new AppError("VALIDATION", `Your role cannot grant ${beyond.join(", ")}.`, { fieldErrors: { scopes: [`beyond your role: ${beyond.join(", ")}`] } });
  }
  const t = generateApiToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const credential = await tx.credential.create({
    data: {
      name: input.name,
      kind: "api_key",
      providerId: await tokenwardProvider(tx),
      externalId: t.prefix,
      fingerprint: `sha256:${t.secretHash}`,
      hint: t.hint,
      scopes: input.scopes,
      environment: "prod",
      issuedAt: now,
      expiresAt,
      source: "manual",
      ownerId: actor.id,
    },
    select: { id: true },
  });
  const key = await tx.apiKey.create({
    data: { name: input.name, prefix: t.prefix, secretHash: t.secretHash, scopes: input.scopes, createdById: actor.id, expiresAt, credentialId: credential.id, createdAt: now },
    select: { id: true },
  });
  // Scored by the same rules as every other credential, in the same transaction.
  await recomputeCredentials(tx, [credential.id], { now });

  const summary = { name: input.name, prefix: t.prefix, scopes: input.scopes, expiresAt: expiresAt.toISOString() };
  const audit: [TAuditDraft, TAuditDraft] = [
    { targetType: "api_key", targetId: key.id, summary: { ...summary, credentialId: credential.id } },
    // The credential's own history starts with how it came to be.
    { targetType: "credential", targetId: credential.id, summary: { credential: input.name, apiKey: t.prefix } },
  ];
  return {
    data: { id: key.id, name: input.name, prefix: t.prefix, token: t.token, scopes: input.scopes, expiresAt: expiresAt.toISOString(), credentialId: credential.id },
    audit,
  };
}
