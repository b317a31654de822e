import { describe, expect, it } from "vitest";
import { FACTOR_LIST } from "@/lib/risk/factors/registry";
import { FRAMEWORKS, isFrameworkItemId } from "@/lib/risk/frameworks/catalogue";

describe("framework catalogue", () => {
  it("has the published number of items per framework, with unique ids", () => {
    expect(FRAMEWORKS.map((f) => [f.id, f.items.length])).toEqual([
      ["owasp-nhi-2025", 10], ["owasp-agentic-2026", 10], ["csa-maestro", 7], ["nist-csf-2.0", 22],
    ]);
    const ids = FRAMEWORKS.flatMap((f) => f.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
  it("maps every factor to existing items, including at least one OWASP NHI item", () => {
    for (const factor of FACTOR_LIST) {
      for (const id of factor.frameworks) expect(isFrameworkItemId(id), `${factor.id} → ${id}`).toBe(true);
      expect(factor.frameworks.some((id) => id.startsWith("NHI") || id.startsWith("ASI")), factor.id).toBe(true);
    }
  });
  it("has unique factor ids", () => {
    const ids = FACTOR_LIST.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
