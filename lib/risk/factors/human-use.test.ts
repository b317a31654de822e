import { describe, expect, it } from "vitest";
import { humanUse } from "@/lib/risk/factors/human-use";
import { cleanContext, cleanCredential, NOW } from "@/lib/risk/testing/builders";
import type { TUsageCaller } from "@/lib/risk/model";

const s = humanUse.defaults;
const run = (callers: TUsageCaller[]) =>
  humanUse.evaluate(cleanCredential(), cleanContext({ usage: { since: NOW, callers, targetAudiences: [], passthrough: { traces: 0, sample: null } } }), s);
const browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36";

describe("human-use", () => {
  it("is silent for machine callers", () => {
    expect(run([{ kind: "agent", id: "a", environment: "prod", userAgent: "langgraph/0.6.4 python-httpx/0.28.1", count: 50, lastAt: NOW }])).toBeNull();
  });
  it("flags one call with a browser user-agent (the threshold)", () => {
    expect(run([{ kind: "user", id: "alice@acme.example", environment: "prod", userAgent: browser, count: 1, lastAt: NOW }])).toMatchObject({
      points: 35,
      evidence: 'Interactive user-agent "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit…" from alice@acme.example (1 call in the usage window)',
    });
  });
  it("flags a caller of kind user even without a user-agent, and matches patterns case-insensitively", () => {
    expect(run([{ kind: "user", id: "bob", environment: null, userAgent: null, count: 2, lastAt: NOW }])?.evidence).toBe("A person from bob (2 calls in the usage window)");
    expect(run([{ kind: "service", id: "svc", environment: null, userAgent: "mozilla/4.0 (compatible)", count: 1, lastAt: NOW }])).not.toBeNull();
  });
});
