import { describe, expect, it } from "vitest";
import { exposed } from "@/lib/risk/factors/exposed";
import { cleanContext, cleanCredential } from "@/lib/risk/testing/builders";

const s = exposed.defaults;
const place = { locationKind: "mcp_config" as const, location: ".cursor/mcp.json", repository: "acme/web" };
const run = (open: number) => exposed.evaluate(cleanCredential(), cleanContext({ exposures: { open, samples: open ? [place] : [] } }), s);

describe("exposed", () => {
  it("is silent with no open finding", () => {
    expect(run(0)).toBeNull();
  });
  it("flags one open finding (the threshold) with its location", () => {
    expect(run(1)).toMatchObject({ points: 85, evidence: "Found in clear in .cursor/mcp.json (repo acme/web)" });
  });
  it("grades by the number of places: up to +15 % at five", () => {
    expect([1, 2, 3, 5, 40].map((n) => run(n)!.points)).toEqual([85, 88, 91, 98, 98]);
  });
  it("counts further places", () => {
    expect(run(3)?.evidence).toBe("Found in clear in .cursor/mcp.json (repo acme/web) and 2 more places");
  });
});
