import { describe, expect, it } from "vitest";
import { thirdPartySensitive } from "@/lib/risk/factors/third-party-sensitive";
import { cleanContext, cleanCredential } from "@/lib/risk/testing/builders";
import type { TSensitivity } from "@/lib/risk/model";

const s = thirdPartySensitive.defaults; // minSensitivity high
const run = (vendor: string | null, sensitivity: TSensitivity) =>
  thirdPartySensitive.evaluate(
    cleanCredential(),
    cleanContext({ provider: { name: "GitHub (acme)", type: "github", sensitivity }, identity: { name: "zendesk-integration", kind: "app", environment: "prod", thirdPartyVendor: vendor } }),
    s,
  );

describe("third-party-sensitive", () => {
  it("is silent for first-party identities, and below the sensitivity threshold", () => {
    expect(run(null, "critical")).toBeNull();
    expect(run("Zendesk", "moderate")).toBeNull();
  });
  it("flags a vendor at and above the threshold", () => {
    expect(run("Zendesk", "high")).toMatchObject({
      points: 35, evidence: "Held by Zendesk (third-party vendor) through zendesk-integration on GitHub (acme), sensitivity high",
    });
    expect(run("Zendesk", "critical")).not.toBeNull();
  });
});
