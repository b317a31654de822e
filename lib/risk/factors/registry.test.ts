import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FACTOR_LIST } from "@/lib/risk/factors/registry";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";

const RISK_DOC = readFileSync(path.resolve(import.meta.dirname, "../../../docs/RISK.md"), "utf8");

describe("factor registry", () => {
  it("documents every factor in docs/RISK.md", () => {
    for (const factor of FACTOR_LIST) expect(RISK_DOC, factor.id).toContain(`| \`${factor.id}\` |`);
  });
  it("gives every factor defaults its own schema accepts", () => {
    for (const factor of FACTOR_LIST) {
      expect(DEFAULT_POLICY.factors[factor.id as keyof typeof DEFAULT_POLICY.factors]).toEqual(factor.defaults);
    }
  });
  it("gives every factor a title, a description and an example of its evidence", () => {
    for (const factor of FACTOR_LIST) {
      expect(factor.title.length).toBeGreaterThan(3);
      expect(factor.description.length).toBeGreaterThan(20);
      expect(factor.example.length).toBeGreaterThan(10);
    }
  });
});
