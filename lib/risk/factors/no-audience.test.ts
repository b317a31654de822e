import { describe, expect, it } from "vitest";
import { noAudience } from "@/lib/risk/factors/no-audience";
import { cleanContext, cleanCredential } from "@/lib/risk/testing/builders";

const s = noAudience.defaults;

describe("no-audience", () => {
  it("flags a bearer token with no audience", () => {
    expect(noAudience.evaluate(cleanCredential({ audiences: [] }), cleanContext(), s)).toMatchObject({
      points: 20, evidence: "Audience: any — this OAuth access token names no audience",
    });
  });
  it("is silent with one audience, and for kinds that carry none", () => {
    expect(noAudience.evaluate(cleanCredential({ audiences: ["https://a"] }), cleanContext(), s)).toBeNull();
    expect(noAudience.evaluate(cleanCredential({ audiences: [], kind: "cloud_access_key" }), cleanContext(), s)).toBeNull();
    expect(noAudience.evaluate(cleanCredential({ audiences: [], kind: "cloud_access_key" }), cleanContext(), { ...s, kinds: ["cloud_access_key"] })).not.toBeNull();
  });
  it("flags a credential with an audience when a server it is presented to was probed accepting unbound tokens", () => {
    const ctx = { ...cleanContext(), unboundAt: [
      { server: "jira-mcp", gap: "accepted a token issued for another resource", at: Date.UTC(2026, 11, 5) },
      { server: "wiki-mcp", gap: "accepted a token with no audience", at: null },
    ] };
    expect(noAudience.evaluate(cleanCredential({ audiences: ["https://jira.example/mcp"] }), ctx, s)).toMatchObject({
      points: 20,
      evidence: "Audience not enforced where it is presented: the authorization probe of MCP server jira-mcp on 2026-12-05 found that it accepted a token issued for another resource (and 1 more server)",
    });
    expect(noAudience.evaluate(cleanCredential({ audiences: ["https://a"], kind: "cloud_access_key" }), ctx, s)).toBeNull();
  });
});
