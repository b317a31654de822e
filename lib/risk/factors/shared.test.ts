import { describe, expect, it } from "vitest";
import { shared } from "@/lib/risk/factors/shared";
import { cleanContext, cleanCredential } from "@/lib/risk/testing/builders";
import type { TScoringContext } from "@/lib/risk/model";

const s = shared.defaults; // minHolders 2, minAudiences 2
const run = (holders: TScoringContext["holders"], settings = s) => shared.evaluate(cleanCredential(), cleanContext({ holders }), settings);

describe("shared", () => {
  it("is silent for one holder and one audience", () => {
    expect(run({ total: 1, byKind: { agent: 1 }, environments: ["prod"], audiences: ["https://a"] })).toBeNull();
  });
  it("flags two holders (the threshold), naming them by kind", () => {
    expect(run({ total: 2, byKind: { agent: 1, mcp_server: 1 }, environments: ["prod"], audiences: [] })).toMatchObject({ points: 30, evidence: "Used by 1 agent, 1 MCP server" });
    expect(run({ total: 5, byKind: { agent: 3, mcp_server: 2 }, environments: ["prod"], audiences: [] })?.evidence).toBe("Used by 3 agents, 2 MCP servers");
    expect(run({ total: 2, byKind: { agent: 2 }, environments: ["prod"], audiences: [] }, { ...s, minHolders: 3 })).toBeNull();
  });
  it("grades by how many holders or audiences pass the threshold", () => {
    const holders = (total: number) => run({ total, byKind: { agent: total }, environments: ["prod"], audiences: [] })!.points;
    expect([2, 3, 4, 6, 50].map(holders)).toEqual([30, 33, 36, 42, 42]);
    expect(run({ total: 1, byKind: { agent: 1 }, environments: ["prod"], audiences: ["https://a", "https://b", "https://c"] })!.points).toBe(33);
  });
  it("flags reuse toward two audiences", () => {
    expect(run({ total: 1, byKind: { agent: 1 }, environments: ["prod"], audiences: ["https://a", "https://b"] })?.evidence).toBe(
      "presented toward 2 audiences (`https://a`, `https://b`)",
    );
  });
});
