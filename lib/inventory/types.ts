import type { TPrivilege } from "@/lib/scopes/privileges";
import type {
  TCredentialKind,
  TCredentialStatus,
  TEnvironment,
  TIdentityKind,
  TRiskLevel,
} from "@/lib/inventory/vocabulary";

/** What the inventory API returns: JSON-safe (times as ISO strings), shared by server and browser. */

export type TCredentialListItem = {
  id: string;
  name: string;
  kind: TCredentialKind;
  status: TCredentialStatus;
  environment: TEnvironment;
  source: string;
  provider: { id: string; name: string };
  externalId: string | null;
  hint: string | null;
  scopes: string[];
  identity: { id: string; name: string; kind: TIdentityKind } | null;
  owner: { id: string; name: string; active: boolean } | null;
  team: { id: string; name: string } | null;
  issuedAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastRotatedAt: string | null;
  createdAt: string;
  riskScore: number;
  riskLevel: TRiskLevel;
  exposureCount: number;
  consumerCount: number;
  audienceCount: number;
  /** Classes of its grants, broadest first (lib/scopes; stored with the score). */
  privileges: TPrivilege[];
  /** A short-lived access token its refresh token renews (lib/inventory/auto-refresh.ts). */
  autoRefresh: boolean;
  /** Nobody answers for it: no team, no active owner, here or on its identity (lib/inventory/orphaned.ts). */
  orphaned: boolean;
};

export type TCredentialPage = {
  items: TCredentialListItem[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Pass as `before` for the previous page; null on the first page. */
  prevCursor: string | null;
};

/**
 * How many credentials match. `exact` up to EXACT_COUNT_LIMIT; above it the planner's estimate
 * ("about 1.2M"), or `atLeast` when the estimate is lower than what was already counted.
 */
export type TCredentialCount = { value: number; precision: "exact" | "estimate" | "atLeast" };

export type TFilterOptions = {
  providers: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  users: { id: string; name: string; email?: string; active: boolean }[];
  /** The registry's risk factors, in its order (the `factor=` filter). */
  factors: { id: string; name: string }[];
};

export type TBindingView = {
  id: string;
  holder: { kind: "identity" | "server"; id: string; name: string; detail: string | null } | null;
  target: { kind: "server" | "provider"; id: string; name: string } | null;
  audience: string | null;
  environment: TEnvironment;
  firstSeenAt: string;
  lastSeenAt: string;
};

export type TExposureView = {
  id: string;
  locationKind: string;
  location: string;
  repository: string | null;
  line: number | null;
  detector: string;
  detectedAt: string;
  resolvedAt: string | null;
};


export type TCredentialDetail = {
  id: string;
  name: string;
  kind: TCredentialKind;
  status: TCredentialStatus;
  environment: TEnvironment;
  source: string;
  externalId: string | null;
  fingerprint: string | null;
  hint: string | null;
  scopes: string[];
  /** Each granted scope as the scope catalogue reads it for this provider (lib/scopes), in grant order. */
  scopeGrants: { scope: string; privilege: TPrivilege; reason: string }[];
  usedScopes: string[];
  audiences: string[];
  provider: { id: string; name: string; type: string; sensitivity: string };
  identity: { id: string; name: string; kind: TIdentityKind; environment: TEnvironment } | null;
  owner: { id: string; name: string; email?: string; active: boolean } | null;
  team: { id: string; name: string } | null;
  issuedAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastRotatedAt: string | null;
  /** Renewed by this refresh token; `autoRefresh` when that makes it auto-refreshing now. */
  refreshedBy: { id: string; name: string } | null;
  autoRefresh: boolean;
  /** Nobody answers for it (lib/inventory/orphaned.ts). */
  orphaned: boolean;
  createdAt: string;
  updatedAt: string;
  riskScore: number;
  riskLevel: TRiskLevel;
  riskScoredAt: string | null;
  riskPolicyVersion: number | null;
  /** Factors and score history are read by the risk engine's own panels (components/risk). */
  riskFrameworks: string[];
  exposureCount: number;
  consumerCount: number;
  bindings: TBindingView[];
  bindingsTotal: number;
  exposures: TExposureView[];
};

/** Names the server resolved for ids in the URL that are not in the option lists (identity, server). */
export type TEntityLabels = Partial<Record<"identity" | "server" | "framework", string>>;

export type TFrameworkOption = { id: string; label: string; group: string };
