import { describe, expect, it } from "vitest";
import { planCredential, type TCredentialPlan } from "@/lib/seed/build-credentials";
import { planServerCredentials } from "@/lib/seed/build-special-credentials";
import { buildOrg } from "@/lib/seed/build-org";
import { buildUsage, type TServerPools } from "@/lib/seed/build-usage";
import { credentialContext } from "@/lib/seed/credential-context";
import { HISTORY_DAYS, STALE_DAYS } from "@/lib/seed/lifecycle";
import { createRng } from "@/lib/seed/prng";
import { DAY } from "@/lib/seed/time";

/** The generated inventory has the shape the bench and the risk factors are designed around. */

const NOW = Date.UTC(2026, 0, 15, 12);
const N = 20_000;

function world(seed: number, n = N) {
  const rng = createRng(seed);
  const { org, owners } = buildOrg(rng.fork("org"), NOW, n, ["h1", "h2", "h3", "h4"]);
  const ctx = credentialContext(org, owners);
  const r = rng.fork("credentials");
  const plans = Array.from({ length: n }, (_, i) => planCredential(r, ctx, i));
  return { org, owners, ctx, plans, rng: r };
}

const { org, owners, ctx, plans, rng } = world(42);
const share = (f: (p: TCredentialPlan) => boolean) => plans.filter(f).length / plans.length;

describe("credential distributions", () => {
  it.each([
    ["never expire", (p: TCredentialPlan) => p.row.expiresAt === null, 0.22, 0.32],
    ["never used", (p: TCredentialPlan) => p.row.lastUsedAt === null, 0.12, 0.18],
    ["stale (> 90 d)", (p: TCredentialPlan) => p.row.lastUsedAt !== null && p.row.lastUsedAt < NOW - STALE_DAYS * DAY, 0.16, 0.25],
    ["fingerprinted", (p: TCredentialPlan) => p.row.fingerprint !== null, 0.66, 0.78],
    ["expired", (p: TCredentialPlan) => p.row.status === "expired", 0.06, 0.15],
    ["revoked", (p: TCredentialPlan) => p.row.status === "revoked", 0.02, 0.06],
    ["owned by the demo owner", (p: TCredentialPlan) => p.row.ownerId === owners.demoOwner.id, 0.03, 0.08],
    ["without owner", (p: TCredentialPlan) => p.row.ownerId === null, 0.08, 0.25],
    ["shared", (p: TCredentialPlan) => p.sharedWith.length > 0, 0.02, 0.04],
    ["synced", (p: TCredentialPlan) => p.row.source === "sync", 0.65, 0.8],
  ])("%s", (_label, predicate, min, max) => {
    const value = share(predicate);
    expect(value).toBeGreaterThanOrEqual(min);
    expect(value).toBeLessThanOrEqual(max);
  });

  it("keeps every timeline consistent", () => {
    for (const { row } of plans) {
      const end = row.expiresAt === null ? NOW : Math.min(NOW, row.expiresAt);
      expect(row.issuedAt).toBeGreaterThanOrEqual(NOW - HISTORY_DAYS * DAY);
      if (row.lastUsedAt !== null) expect(row.lastUsedAt >= row.issuedAt && row.lastUsedAt <= end).toBe(true);
      if (row.lastRotatedAt !== null) expect(row.lastRotatedAt >= row.issuedAt && row.lastRotatedAt <= end).toBe(true);
      expect(row.status === "expired").toBe(row.expiresAt !== null && row.expiresAt <= NOW);
      expect(row.createdAt).toBeLessThanOrEqual(NOW);
      if (row.hint !== null) expect(row.hint).toHaveLength(4);
      expect(row.fingerprint !== null || row.externalId !== null).toBe(true);
    }
  });

  it("keeps the unique columns unique", () => {
    const fingerprints = plans.map((p) => p.row.fingerprint).filter((f) => f !== null);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const external = plans.filter((p) => p.row.externalId !== null).map((p) => `${p.row.providerId}|${p.row.externalId}`);
    expect(new Set(external).size).toBe(external.length);
    expect(new Set(plans.map((p) => p.row.id)).size).toBe(plans.length);
    expect(new Set(org.identities.map((i) => i.name)).size).toBe(org.identities.length);
  });

  it("starts with one demo user per role and deactivates about 8 % of the rest", () => {
    expect(org.users.slice(0, 4).map((u) => `${u.role}:${u.email}`)).toEqual([
      "admin:admin@tokenward.local", "security:security@tokenward.local", "owner:owner@tokenward.local", "auditor:auditor@tokenward.local",
    ]);
    const staff = org.users.slice(4);
    expect(staff.length).toBe(200);
    expect(staff.filter((u) => !u.active).length / staff.length).toBeLessThan(0.15);
    expect(staff.every((u) => u.active === (u.deactivatedAt === null))).toBe(true);
  });

  it("is deterministic for a seed", () => {
    const again = world(42, 500).plans.map((p) => p.row);
    expect(again).toEqual(world(42, 500).plans.map((p) => p.row));
    expect(world(43, 500).plans[0]?.row.id).not.toBe(again[0]?.id);
  });
});

describe("usage events", () => {
  const pools: TServerPools = new Map();
  for (const p of planServerCredentials(rng.fork("servers"), ctx, N, 100)) {
    if (p.route.kind === "server-held") pools.set(p.route.server.id, [...(pools.get(p.route.server.id) ?? []), p.row]);
  }
  const results = plans.slice(0, 8_000).map((plan) => ({ plan, ...buildUsage(rng, ctx, plan, pools) }));
  const events = results.flatMap((r) => r.events);

  it("agree with last_used_at and stay inside the 90-day window", () => {
    for (const { plan, events: own } of results) {
      const mine = own.filter((e) => e.credentialId === plan.row.id);
      if (mine.length > 0) expect(plan.row.lastUsedAt).toBe(Math.max(...mine.map((e) => e.time)));
    }
    for (const e of events) expect(e.time >= NOW - 91 * DAY && e.time <= NOW && e.ingestedAt >= e.time).toBe(true);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });

  it("contain passthrough traces: one fingerprint presented to a server, then forwarded by it", () => {
    const passthrough = results.filter((r) => r.passthroughTraces > 0);
    expect(passthrough.length).toBeGreaterThan(0);
    for (const { events: own } of passthrough) {
      const forwarded = own.find((e) => e.callerKind === "mcp_server" && e.targetKind === "provider_api");
      const presented = own.find((e) => e.spanId === forwarded?.parentSpanId);
      expect(presented?.targetKind).toBe("mcp_server");
      expect(presented?.targetId).toBe(forwarded?.callerId);
      expect(presented?.fingerprint).toBe(forwarded?.fingerprint);
      expect(presented?.traceId).toBe(forwarded?.traceId);
    }
  });

  it("include human (browser) use and cross-environment use, but rarely", () => {
    const browser = new Set(events.filter((e) => e.userAgent?.startsWith("Mozilla/")).map((e) => e.credentialId));
    expect(browser.size).toBeGreaterThan(0);
    expect(browser.size).toBeLessThan(8_000 * 0.02);
    const envOf = new Map(plans.map((p) => [p.row.id, p.row.environment]));
    const crossEnv = new Set(events.filter((e) => e.callerKind !== "mcp_server" && e.callerEnvironment !== envOf.get(e.credentialId ?? "")).map((e) => e.credentialId));
    expect(crossEnv.size).toBeGreaterThan(0);
    expect(crossEnv.size).toBeLessThan(8_000 * 0.05);
  });
});
