import type { TPrivilege } from "@/lib/scopes/privileges";
import type {
  CallerKind, CredentialKind, CredentialStatus, Environment, ExposureLocation, IdentityKind, RiskLevel, Sensitivity,
} from "@/lib/generated/prisma/client";

/**
 * What the scorer reads. Plain data, times as epoch milliseconds, no Prisma objects: the scorer is
 * a pure function, and the policy editor runs the same code in the browser. The enum lists are
 * repeated here (checked against Prisma's types) so client code need not import the Prisma runtime.
 */

export const RISK_LEVELS = ["none", "low", "medium", "high", "critical"] as const satisfies readonly RiskLevel[];
export type TRiskLevel = (typeof RISK_LEVELS)[number];

export const SENSITIVITIES = ["low", "moderate", "high", "critical"] as const satisfies readonly Sensitivity[];
export type TSensitivity = (typeof SENSITIVITIES)[number];

export const CREDENTIAL_KINDS = [
  "pat", "oauth_access_token", "oauth_refresh_token", "client_secret", "api_key", "cloud_access_key", "installation_token", "static_bearer",
] as const satisfies readonly CredentialKind[];
export type TCredentialKind = (typeof CREDENTIAL_KINDS)[number];

export const CREDENTIAL_STATUSES = ["active", "expired", "revoked", "disabled"] as const satisfies readonly CredentialStatus[];
export type TCredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

export type TEnvironment = Environment;
export type THolderKind = IdentityKind;

export const CREDENTIAL_KIND_LABELS: Record<TCredentialKind, string> = {
  pat: "personal access token",
  oauth_access_token: "OAuth access token",
  oauth_refresh_token: "OAuth refresh token",
  client_secret: "client secret",
  api_key: "API key",
  cloud_access_key: "cloud access key",
  installation_token: "installation token",
  static_bearer: "static bearer token",
};

export function sensitivityRank(s: TSensitivity): number {
  return SENSITIVITIES.indexOf(s);
}

export type TScoringCredential = {
  id: string;
  name: string;
  kind: TCredentialKind;
  status: TCredentialStatus;
  environment: TEnvironment;
  scopes: string[];
  audiences: string[];
  /** Scopes seen exercised; empty means "not observed", not "none used". */
  usedScopes: string[];
  issuedAt: number | null;
  expiresAt: number | null;
  lastUsedAt: number | null;
  lastRotatedAt: number | null;
  createdAt: number;
};

export type TUsageCaller = {
  kind: CallerKind;
  id: string;
  environment: TEnvironment | null;
  userAgent: string | null;
  count: number;
  lastAt: number;
};

export type TPassthroughSample = {
  traceId: string;
  /** The MCP server the credential was presented to, and the audience it was presented for. */
  server: string;
  serverAudience: string | null;
  /** Where that server then sent the same credential. */
  upstream: string;
  at: number;
};

export type TScoringContext = {
  /** The scoring time. */
  now: number;
  /** `type` is the connector type (`providers.type`): it selects the scope catalogue family (lib/scopes). */
  provider: { name: string; type: string; sensitivity: TSensitivity };
  /** The accountable person: the credential's owner, else its identity's owner. */
  owner: { email: string; active: boolean; deactivatedAt: number | null; via: "credential" | "identity" } | null;
  /** A team that owns the credential (directly or through its identity) keeps it accountable. */
  team: { name: string; via: "credential" | "identity" } | null;
  identity: { name: string; kind: THolderKind; environment: TEnvironment; thirdPartyVendor: string | null } | null;
  /** Topology edges (bindings): who holds the credential, from which environment, toward which audience. */
  holders: {
    total: number;
    byKind: Partial<Record<THolderKind, number>>;
    environments: TEnvironment[];
    audiences: string[];
  };
  /** Unresolved findings of the secret in clear. */
  exposures: { open: number; samples: { locationKind: ExposureLocation; location: string; repository: string | null }[] };
  /** Observed use in the policy's usage window (UsageEvent). */
  usage: {
    since: number;
    callers: TUsageCaller[];
    targetAudiences: { audience: string; count: number }[];
    passthrough: { traces: number; sample: TPassthroughSample | null };
  };
  /**
   * MCP servers the credential is presented to (bindings) whose last authorization probe saw them
   * accept a token not bound to them (lib/mcp-servers/probe): the audience is not enforced there.
   */
  unboundAt: { server: string; gap: string; at: number | null }[];
};

export type TFactorResult = {
  id: string;
  title: string;
  points: number;
  /** The level this factor alone would give (its points against the policy's level thresholds). */
  severity: TRiskLevel;
  evidence: string;
  remediation: string;
  frameworks: string[];
};

export type TScoreResult = {
  score: number;
  level: TRiskLevel;
  factors: TFactorResult[];
  /** Classes of the grants, broadest first, as the policy reads them (credential_risks.privileges). */
  privileges: TPrivilege[];
  /** How the score was combined, for the explanation panel. */
  breakdown: { strongest: number; combined: number; sensitivity: TSensitivity; multiplier: number; floor: number; scored: boolean; reason?: string };
};

/** A context with nothing in it: the starting point of tests and of credentials without edges. */
export function emptyContext(now: number, provider: TScoringContext["provider"] = { name: "Provider", type: "oauth", sensitivity: "moderate" }): TScoringContext {
  return {
    now,
    provider,
    owner: null,
    team: null,
    identity: null,
    holders: { total: 0, byKind: {}, environments: [], audiences: [] },
    exposures: { open: 0, samples: [] },
    usage: { since: now, callers: [], targetAudiences: [], passthrough: { traces: 0, sample: null } },
    unboundAt: [],
  };
}
