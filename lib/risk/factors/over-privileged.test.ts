import { describe, expect, it } from "vitest";
import { overPrivileged } from "@/lib/risk/factors/over-privileged";
import { cleanContext, cleanCredential } from "@/lib/risk/testing/builders";

const s = overPrivileged.defaults;
const on = (type: string) => cleanContext({ provider: { name: "P", type, sensitivity: "moderate" } });
const run = (scopes: string[], usedScopes: string[] = [], settings = s, type = "github") =>
  overPrivileged.evaluate(cleanCredential({ scopes, usedScopes }), on(type), settings);

describe("over-privileged", () => {
  it("is silent for read scopes with no usage observed", () => {
    expect(run(["read:org", "metadata:read", "user:email"])).toBeNull();
    expect(run(["SELECT", "CONNECT"], [], s, "database")).toBeNull();
    expect(run(["s3:GetObject", "ec2:DescribeInstances"], [], s, "aws_iam")).toBeNull();
  });

  it("names scopes by class: wildcard (with its reach), admin, write", () => {
    expect(run(["iam:*", "admin:org", "repo"], [], s, "aws_iam")?.evidence).toBe(
      "Wildcard `iam:*` (every IAM action, including granting itself any other permission); unclassified `admin:org`, `repo` (not in Tokenward's scope catalogue)",
    );
    expect(run(["admin:org", "delete_repo", "repo", "read:org"])).toMatchObject({ points: 30, evidence: "Admin `admin:org`, `delete_repo`; write `repo`" });
    expect(run(["s3:*", "*", "kms:*", "s3:PutObject"], [], s, "aws_iam")).toMatchObject({
      points: 30, evidence: "Wildcards `s3:*` (every S3 action, today's and any added later), `*` (every action on every AWS service) and 1 more; write `s3:PutObject`",
    });
    expect(run(["ALL PRIVILEGES"], [], s, "database")?.points).toBe(30);
  });

  it("counts write grants for fewer points, only when nothing broader is granted", () => {
    expect(run(["repo"])).toMatchObject({ points: 15, evidence: "Write `repo`" });
    expect(run(["reactions:write", "chat:write"], [], s, "slack")).toMatchObject({ points: 15, evidence: "Write `reactions:write`, `chat:write`" });
    expect(run(["INSERT", "SELECT"], [], s, "database")?.points).toBe(15);
    expect(run(["repo"], [], { ...s, pointsWrite: 0 })).toBeNull();
  });

  it("reports scopes the catalogue does not know, with their own points, never as read", () => {
    expect(run(["read:org", "frobnicate"])).toMatchObject({ points: 5, evidence: "Unclassified `frobnicate` (not in Tokenward's scope catalogue)" });
    expect(run(["admin:org", "frobnicate"])?.points).toBe(35);
    expect(run(["frobnicate"], [], { ...s, pointsUnknown: 0 })).toBeNull();
    expect(run(["x".repeat(10_000)])?.evidence.length).toBeLessThan(200);
  });

  it("reads the scopes with the provider's family: the same string can mean different things", () => {
    expect(run(["repo"], [], s, "github")?.points).toBe(15);
    expect(run(["repo"], [], s, "slack")?.points).toBe(5);
    expect(run(["iam:*"], [], s, "aws_iam")?.points).toBe(30);
    expect(run(["IAM:*"], [], s, "aws_iam")?.points).toBe(30);
  });

  it("treats the organisation's own patterns as admin (case-insensitive), never lowering a wildcard", () => {
    const org = { ...s, adminScopePatterns: ["read:*", "FROB*"] };
    expect(run(["read:org"], [], org)).toMatchObject({ points: 30, evidence: "Admin `read:org`" });
    expect(run(["frobnicate"], [], org)).toMatchObject({ points: 30, evidence: "Admin `frobnicate`" });
    expect(run(["*"], [], { ...s, adminScopePatterns: ["*"] }, "oauth")?.evidence).toMatch(/^Wildcard `\*`/);
  });

  it("counts unused scopes only once usage has been observed, at and around the minimum", () => {
    expect(run(["read:org", "read:user"], [])).toBeNull();
    expect(run(["read:org"], ["read:org"])).toBeNull();
    expect(run(["read:org", "read:user"], ["read:org"])).toMatchObject({ points: 15, evidence: "1 of 2 granted scopes never used (used only `read:org`)" });
    expect(run(["read:org", "read:user"], ["read:org"], { ...s, minUnusedScopes: 2 })).toBeNull();
    expect(run(["read:org", "read:user", "user:email"], ["read:org"], { ...s, minUnusedScopes: 2 })).not.toBeNull();
  });

  it("adds the parts when several apply", () => {
    expect(run(["repo", "admin:org", "read:org"], ["read:org"])).toMatchObject({
      points: 45, evidence: "Admin `admin:org`; write `repo`; 2 of 3 granted scopes never used (used only `read:org`)",
      remediation: "Reissue it with only the scopes in use; move admin and wildcard work to a separate, short-lived credential.",
    });
    expect(run(["iam:*", "s3:FrobObject", "s3:GetObject"], ["s3:GetObject"], s, "aws_iam")?.points).toBe(50);
  });

  it("never lowers its points when a scope is added, whatever the points settings", () => {
    const pool = ["read:org", "repo", "admin:org", "frobnicate", "gist", "delete_repo"];
    for (const settings of [s, { ...s, pointsAdmin: 10, pointsWrite: 20 }, { ...s, pointsAdmin: 0 }, { ...s, pointsUnknown: 50 }]) {
      for (let mask = 0; mask < 1 << pool.length; mask++) {
        const scopes = pool.filter((_, i) => mask & (1 << i));
        const base = run(scopes, ["read:org"], settings)?.points ?? 0;
        for (const extra of pool) expect(run([...scopes, extra], ["read:org"], settings)?.points ?? 0).toBeGreaterThanOrEqual(base);
      }
    }
  });
});
