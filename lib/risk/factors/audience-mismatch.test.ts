import { describe, expect, it } from "vitest";
import { audienceMismatch } from "@/lib/risk/factors/audience-mismatch";
import { cleanContext, cleanCredential, NOW } from "@/lib/risk/testing/builders";

const s = audienceMismatch.defaults;
const run = (audiences: string[], targets: { audience: string; count: number }[]) =>
  audienceMismatch.evaluate(cleanCredential({ audiences }), cleanContext({ usage: { since: NOW, callers: [], targetAudiences: targets, passthrough: { traces: 0, sample: null } } }), s);

describe("audience-mismatch", () => {
  it("is silent when every use is inside the audiences (a trailing slash is the same audience)", () => {
    expect(run(["https://mcp.acme.example/jira"], [{ audience: "https://mcp.acme.example/jira/", count: 9 }])).toBeNull();
  });
  it("leaves credentials without audiences to no-audience", () => {
    expect(run([], [{ audience: "https://api.github.com", count: 1 }])).toBeNull();
  });
  it("flags one call outside the audiences (the threshold)", () => {
    expect(run(["https://mcp.acme.example/jira"], [{ audience: "https://api.github.com", count: 1 }])).toMatchObject({
      points: 40,
      evidence: "Presented to https://api.github.com, outside its audiences `https://mcp.acme.example/jira` (1 call in the usage window)",
    });
  });
});
