import type { z } from "zod";
import { ProviderError } from "./provider-error";

/**
 * What a connector is. A definition declares its config and secret as zod schemas (the forms are
 * generated from them) and each capability either implemented or unsupported with a reason.
 * Workflows and the UI read these declarations; none of them branches on a provider type.
 * Every capability throws ProviderError (lib/connectors/provider-error.ts) on failure.
 */

export type TUnsupported = { supported: false; reason: string };
/**
 * `appliesTo`: the credential kinds a capability works on, when not all of the provider's (RFC 7009
 * revokes tokens, not client secrets), with the reason given for the others.
 */
export type TCapability<F> =
  | {
      supported: true;
      run: F;
      appliesTo?: { kinds: readonly TSyncedCredentialKind[]; otherwise: string };
      /**
       * Kinds for which the call needs the credential itself (RFC 7009 revokes a token by its value),
       * which Tokenward never keeps: whoever asks must supply it for that one call.
       */
      needsValue?: readonly TSyncedCredentialKind[];
    }
  | TUnsupported;

export const CAPABILITY_NAMES = ["testConnection", "sync", "issue", "rotate", "revoke", "verify", "lastUsed"] as const;
export type TCapabilityName = (typeof CAPABILITY_NAMES)[number];

export const CAPABILITY_LABELS: Record<TCapabilityName, string> = {
  testConnection: "Test connection",
  sync: "Sync identities and credentials",
  issue: "Issue a credential",
  rotate: "Rotate a credential",
  revoke: "Revoke a credential",
  verify: "Verify a credential (active, scopes, audience, expiry)",
  lastUsed: "Last used",
};

/** A configured provider as a connector sees it: parsed config, decrypted secret. */
export type TConnectorContext<C, S> = { config: C; secret: S; timeoutMs?: number };

export type TConnectionResult = { ok: true; detail: string };

/** The inventory's kinds (prisma enums IdentityKind / CredentialKind), named here so connectors need no Prisma. */
export type TSyncedIdentityKind = "service_account" | "agent" | "mcp_server" | "mcp_client" | "app" | "bot";
export type TSyncedCredentialKind = "pat" | "oauth_access_token" | "oauth_refresh_token" | "client_secret" | "api_key" | "cloud_access_key" | "installation_token" | "static_bearer";

/**
 * What a sync yields. `externalId` is the provider's stable id, unique per provider: a re-sync
 * updates the same row. Identities come before the credentials that name them.
 * `ownerEmail`: the person the provider says owns it, matched to a Tokenward user by e-mail.
 */
export type TSyncedIdentity = {
  kind: "identity";
  externalId: string;
  name: string;
  identityKind: TSyncedIdentityKind;
  ownerEmail?: string;
  metadata: Record<string, unknown>;
};
export type TSyncedCredential = {
  kind: "credential";
  externalId: string;
  name: string;
  credentialKind: TSyncedCredentialKind;
  identityExternalId?: string;
  ownerEmail?: string;
  scopes: string[];
  audiences?: string[];
  issuedAt?: Date;
  expiresAt?: Date;
  lastUsedAt?: Date;
  /**
   * What the provider says of the credential's state, when it has one: a disabled credential still
   * exists and can be re-enabled there (an AWS key set Inactive). Absent: the stored status is kept
   * (new credentials start active).
   */
  status?: "active" | "disabled" | "expired";
  /** When the provider shows the secret itself (never stored): DESIGN.md fingerprint and last 4. */
  fingerprint?: string;
  hint?: string;
  /** Stored with the credential and handed back in TCredentialRef: what the connector needs to act on it later. Never a secret. */
  metadata: Record<string, unknown>;
};
export type TSyncProgress = { kind: "progress"; seen: number; total?: number };
/** Something the admin should know that does not stop the sync (a listed item that could not be read). */
export type TSyncWarning = { kind: "warning"; message: string };
export type TSyncItem = TSyncedIdentity | TSyncedCredential | TSyncProgress | TSyncWarning;

/**
 * `subject`: who at the provider the credential is for, where the provider needs one (an AWS IAM
 * user name, a GitHub App installation id); connectors that issue to themselves ignore it.
 */
export type TIssueRequest = { scopes: string[]; resource?: string; audience?: string; subject?: string };
export type TIssuedCredential = {
  /** The credential itself: shown once, never stored in plain text. */
  value: string;
  tokenType: string;
  scopes: string[];
  expiresAt?: Date;
  externalId?: string;
};

/**
 * How a capability names an existing credential: by its value when Tokenward holds it only for the
 * call (a token just issued, one being verified on request), else by the provider's id (a GitHub PAT
 * id, an AWS access key id) — Tokenward never keeps discovered secrets. A connector that needs the
 * one it was not given throws ProviderError "config" (requireValue / requireExternalId).
 */
export type TCredentialRef = {
  value?: string;
  externalId?: string;
  kind?: TSyncedCredentialKind;
  /** What this connector's last sync said about it (TSyncedCredential.metadata), e.g. the IAM user of a key. */
  metadata?: Record<string, unknown>;
  /**
   * What Tokenward recorded when it issued or synced the credential. Only for providers that cannot
   * report these for a live credential (a GitHub installation token): verify echoes them and says so
   * in `TVerification.fromRecord`.
   */
  recorded?: { scopes: string[]; expiresAt?: Date };
};

export type TVerification = {
  active: boolean;
  scopes: string[];
  audience: string[];
  expiresAt?: Date;
  clientId?: string;
  subject?: string;
  /** Fields the provider does not report for this credential: taken from `TCredentialRef.recorded` when given, else empty. */
  fromRecord?: ("scopes" | "expiresAt")[];
};

export type TConnectorCapabilities<C, S> = {
  testConnection: TCapability<(ctx: TConnectorContext<C, S>) => Promise<TConnectionResult>>;
  sync: TCapability<(ctx: TConnectorContext<C, S>) => AsyncIterable<TSyncItem>>;
  issue: TCapability<(ctx: TConnectorContext<C, S>, request: TIssueRequest) => Promise<TIssuedCredential>>;
  rotate: TCapability<(ctx: TConnectorContext<C, S>, credential: TCredentialRef) => Promise<TIssuedCredential>>;
  revoke: TCapability<(ctx: TConnectorContext<C, S>, credential: TCredentialRef) => Promise<void>>;
  verify: TCapability<(ctx: TConnectorContext<C, S>, credential: TCredentialRef) => Promise<TVerification>>;
  lastUsed: TCapability<(ctx: TConnectorContext<C, S>, credential: TCredentialRef) => Promise<Date | null>>;
};

export type TConnectorDefinition<CS extends z.ZodType = z.ZodType, SS extends z.ZodType = z.ZodType> = {
  label: string;
  description: string;
  /** Non-secret settings, stored as JSON and shown back in the form. */
  configSchema: CS;
  /** The secret, stored encrypted (lib/connectors/secrets.ts) and never sent back to the browser. */
  secretSchema: SS;
  capabilities: TConnectorCapabilities<z.infer<CS>, z.infer<SS>>;
};

/** Keeps the config/secret types flowing into the capabilities while the registry holds a union. */
export function defineConnector<CS extends z.ZodType, SS extends z.ZodType>(def: TConnectorDefinition<CS, SS>): TConnectorDefinition<CS, SS> {
  return def;
}

export function requireValue(credential: TCredentialRef, why: string): string {
  if (credential.value) return credential.value;
  throw new ProviderError("config", `This provider needs the credential itself to ${why}; Tokenward does not keep it.`, { retryable: false });
}

export function requireExternalId(credential: TCredentialRef, why: string): string {
  if (credential.externalId) return credential.externalId;
  throw new ProviderError("config", `This provider names credentials by id to ${why}, and this one has no provider id (was it synced?).`, { retryable: false });
}

/** Whether `capability` can act on a credential of `kind`, and why not: what pages and workflows ask. */
export function supportFor(capability: TCapability<unknown>, kind: string | undefined): { supported: true; needsValue: boolean } | TUnsupported {
  if (!capability.supported) return capability;
  if (kind && capability.appliesTo && !(capability.appliesTo.kinds as readonly string[]).includes(kind)) return { supported: false, reason: capability.appliesTo.otherwise };
  return { supported: true, needsValue: kind !== undefined && (capability.needsValue as readonly string[] | undefined)?.includes(kind) === true };
}

export function unsupported(reason: string): TUnsupported {
  return { supported: false, reason };
}
