import { describe, expect, it } from "vitest";
import { overPrivileged } from "@/lib/risk/factors/over-privileged";
import { cleanContext, cleanCredential } from "@/lib/risk/testing/builders";

const s = overPrivileged.defaults;
const ctx = cleanContext();
const run = (scopes: string[], usedScopes: string[] = [], settings = s) => overPrivileged.evaluate(cleanCredential({ scopes, usedScopes }), ctx, settings);

describe("over-privileged", () => {
  it("is silent for narrow scopes with no usage observed", () => {
    expect(run(["read:org", "metadata:read", "SELECT"])).toBeNull();
  });
  it("flags admin, write and wildcard grants (patterns are case-insensitive; wildcards are always broad)", () => {
    expect(run(["repo", "admin:org"])).toMatchObject({ points: 30, evidence: "Grants broad scopes `repo`, `admin:org`" });
    expect(run(["s3:*"])?.evidence).toBe("Grants broad scopes `s3:*`");
    expect(run(["ALL PRIVILEGES"])).not.toBeNull();
    expect(run(["read:org"], [], { ...s, broadScopePatterns: ["read:*"] })).not.toBeNull();
  });
  it("counts unused scopes only once usage has been observed, at and around the minimum", () => {
    expect(run(["read:org", "gist"], [])).toBeNull();
    expect(run(["read:org"], ["read:org"])).toBeNull();
    expect(run(["read:org", "gist"], ["read:org"])).toMatchObject({ points: 15, evidence: "1 of 2 granted scopes never used (used only `read:org`)" });
    expect(run(["read:org", "gist"], ["read:org"], { ...s, minUnusedScopes: 2 })).toBeNull();
    expect(run(["read:org", "gist", "user:email"], ["read:org"], { ...s, minUnusedScopes: 2 })).not.toBeNull();
  });
  it("adds both parts when both apply", () => {
    expect(run(["repo", "admin:org", "read:org"], ["read:org"])).toMatchObject({
      points: 45, evidence: "Grants broad scopes `repo`, `admin:org`; 2 of 3 granted scopes never used (used only `read:org`)",
    });
  });
});
