import { describe, expect, it } from "vitest";
import { passthrough } from "@/lib/risk/factors/passthrough";
import { cleanContext, cleanCredential, NOW } from "@/lib/risk/testing/builders";
import type { TScoringContext } from "@/lib/risk/model";

const s = passthrough.defaults;
const sample = { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", server: "jira-mcp", serverAudience: "https://mcp.acme.example/jira", upstream: "api.github.com", at: NOW };
const run = (p: TScoringContext["usage"]["passthrough"]) => passthrough.evaluate(cleanCredential(), cleanContext({ usage: { since: NOW, callers: [], targetAudiences: [], passthrough: p } }), s);

describe("passthrough", () => {
  it("is silent with no passthrough trace", () => {
    expect(run({ traces: 0, sample: null })).toBeNull();
  });
  it("flags one trace (the threshold) with the trace id and both hops", () => {
    expect(run({ traces: 1, sample })).toMatchObject({
      points: 75,
      evidence: "Trace 4bf92f3577b34da6: presented to jira-mcp (https://mcp.acme.example/jira) then forwarded by it to api.github.com",
    });
  });
  it("counts further traces", () => {
    expect(run({ traces: 3, sample })?.evidence).toMatch(/; 3 such traces in the usage window$/);
  });
});
