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
});
