import { describe, expect, it } from "vitest";
import { crossEnvironment } from "@/lib/risk/factors/cross-environment";
import { cleanContext, cleanCredential, NOW } from "@/lib/risk/testing/builders";
import type { TUsageCaller } from "@/lib/risk/model";

const s = crossEnvironment.defaults;
const caller = (environment: TUsageCaller["environment"], count: number): TUsageCaller => ({ kind: "agent", id: "agent-1", environment, userAgent: null, count, lastAt: NOW });
const run = (callers: TUsageCaller[], environments: ("prod" | "staging" | "dev")[] = ["prod"]) =>
  crossEnvironment.evaluate(
    cleanCredential({ environment: "prod" }),
    cleanContext({ usage: { since: NOW, callers, targetAudiences: [], passthrough: { traces: 0, sample: null } }, holders: { total: 1, byKind: {}, environments, audiences: [] } }),
    s,
  );

describe("cross-environment", () => {
  it("is silent when used and held only in its own environment (or environment unknown)", () => {
    expect(run([caller("prod", 5), caller(null, 2)])).toBeNull();
  });
  it("flags one call from another environment (the threshold)", () => {
    expect(run([caller("dev", 1)])).toMatchObject({ points: 35, evidence: "prod credential used from dev (1 call in the usage window)" });
    expect(run([caller("dev", 2), caller("dev", 1)])?.evidence).toBe("prod credential used from dev (3 calls in the usage window)");
  });
  it("flags a holder bound in another environment", () => {
    expect(run([], ["prod", "staging"])?.evidence).toBe("prod credential held by a consumer in staging");
  });
});
