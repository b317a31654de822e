import { DAY } from "@/lib/risk/factors/format";
import { emptyContext, type TScoringContext, type TScoringCredential } from "@/lib/risk/model";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";

/** Builders for scorer tests: a clean credential (no factor applies) that each test spoils in one way. */

export const NOW = Date.parse("2026-06-01T12:00:00.000Z");
export const daysAgo = (d: number) => NOW - d * DAY;

export function cleanCredential(overrides: Partial<TScoringCredential> = {}): TScoringCredential {
  return {
    id: "00000000-0000-7000-8000-000000000001",
    name: "ci-deploy (github)",
    kind: "oauth_access_token",
    status: "active",
    environment: "prod",
    scopes: ["read:org"],
    audiences: ["https://api.github.com"],
    usedScopes: [],
    issuedAt: daysAgo(10),
    expiresAt: daysAgo(10) + 30 * DAY,
    lastUsedAt: daysAgo(1),
    lastRotatedAt: null,
    createdAt: daysAgo(10),
    ...overrides,
  };
}

export function cleanContext(overrides: Partial<TScoringContext> = {}): TScoringContext {
  return {
    ...emptyContext(NOW, { name: "GitHub (acme)", type: "github", sensitivity: "moderate" }),
    owner: { email: "alice@acme.example", active: true, deactivatedAt: null, via: "credential" },
    identity: { name: "ci-deploy", kind: "service_account", environment: "prod", thirdPartyVendor: null },
    ...overrides,
  };
}

export function policyWith(mutate: (p: TRiskPolicy) => void): TRiskPolicy {
  const copy = structuredClone(DEFAULT_POLICY);
  mutate(copy);
  return copy;
}
