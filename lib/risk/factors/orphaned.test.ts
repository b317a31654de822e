import { describe, expect, it } from "vitest";
import { orphaned } from "@/lib/risk/factors/orphaned";
import { cleanContext, cleanCredential, daysAgo } from "@/lib/risk/testing/builders";

const s = orphaned.defaults;
const c = cleanCredential();

describe("orphaned", () => {
  it("is silent with an active owner, or with a team", () => {
    expect(orphaned.evaluate(c, cleanContext(), s)).toBeNull();
    expect(orphaned.evaluate(c, cleanContext({ owner: null, team: { name: "Platform", via: "credential" } }), s)).toBeNull();
    const gone = { email: "bob@acme.example", active: false, deactivatedAt: daysAgo(5), via: "credential" as const };
    expect(orphaned.evaluate(c, cleanContext({ owner: gone, team: { name: "Platform", via: "identity" } }), s)).toBeNull();
  });
  it("flags no owner at all, naming the identity", () => {
    expect(orphaned.evaluate(c, cleanContext({ owner: null }), s)).toEqual({
      points: 35, evidence: "No owner: neither the credential nor its identity ci-deploy has an owner or a team", remediation: expect.any(String),
    });
    expect(orphaned.evaluate(c, cleanContext({ owner: null, identity: null }), s)?.evidence).toBe("No owner: the credential has no owner, no team and no identity");
  });
  it("flags a deactivated owner with the date", () => {
    const owner = { email: "bob@acme.example", active: false, deactivatedAt: Date.parse("2026-03-01T09:00:00Z"), via: "identity" as const };
    expect(orphaned.evaluate(c, cleanContext({ owner }), s)).toMatchObject({
      points: 45, evidence: "Owner bob@acme.example (owner of identity ci-deploy) was deactivated on 2026-03-01 and no team owns it",
    });
  });
});
