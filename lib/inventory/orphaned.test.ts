import { describe, expect, it } from "vitest";
import { isClaimable, isOrphaned } from "@/lib/inventory/orphaned";

const active = { active: true };
const gone = { active: false };

describe("isOrphaned", () => {
  it("a team or an active owner keeps a credential owned", () => {
    expect(isOrphaned({ owner: active, team: null })).toBe(false);
    expect(isOrphaned({ owner: null, team: "platform" })).toBe(false);
    expect(isOrphaned({ owner: gone, team: "platform" })).toBe(false);
  });

  it("no team and no active owner is orphaned", () => {
    expect(isOrphaned({ owner: null, team: null })).toBe(true);
    expect(isOrphaned({ owner: gone, team: null })).toBe(true);
    expect(isOrphaned({ owner: undefined, team: undefined }, null)).toBe(true);
  });

  it("reads the identity only for what the credential leaves unnamed", () => {
    expect(isOrphaned({ owner: null, team: null }, { owner: active, team: null })).toBe(false);
    expect(isOrphaned({ owner: null, team: null }, { owner: null, team: "data" })).toBe(false);
    // The credential's own deactivated owner is not replaced by the identity's active one.
    expect(isOrphaned({ owner: gone, team: null }, { owner: active, team: null })).toBe(true);
    expect(isOrphaned({ owner: null, team: null }, { owner: gone, team: null })).toBe(true);
  });
});

describe("isClaimable", () => {
  it("is about the credential's own owner only: a team-owned credential can still be claimed", () => {
    expect(isClaimable({ owner: null })).toBe(true);
    expect(isClaimable({ owner: gone })).toBe(true);
    expect(isClaimable({ owner: active })).toBe(false);
  });
});
