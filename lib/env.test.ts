import { describe, expect, it } from "vitest";
import { isOidcEnabled, ZEnv } from "@/lib/env";

const parse = (env: Record<string, string>) => ZEnv.safeParse(env);

describe("environment", () => {
  it("defaults to the embedded database and no login method", () => {
    const result = parse({});
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.DATABASE_URL).toBeUndefined();
      expect(result.data.TOKENWARD_DATA_DIR).toBe(".data/pglite");
      expect(result.data.TOKENWARD_LOCAL_LOGIN).toBe(false);
      expect(isOidcEnabled(result.data)).toBe(false);
    }
  });
  it("rejects a non-PostgreSQL DATABASE_URL and a short AUTH_SECRET", () => {
    const result = parse({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["DATABASE_URL", "AUTH_SECRET"]));
  });
  it("needs all three SSO settings together", () => {
    const result = parse({ AUTH_OIDC_ISSUER: "https://idp.example" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/AUTH_OIDC_CLIENT_ID/);
  });
  it("parses the group → role map and rejects unknown roles", () => {
    const ok = parse({ AUTH_OIDC_ROLE_MAP: "sec-team=security, admins=admin" });
    expect(ok.success && [...ok.data.AUTH_OIDC_ROLE_MAP]).toEqual([["sec-team", "security"], ["admins", "admin"]]);
    const bad = parse({ AUTH_OIDC_ROLE_MAP: "admins=root" });
    expect(bad.error?.issues[0]?.message).toMatch(/admins=root/);
  });

  it("refuses production without an audit signing key unless an unsigned chain is allowed explicitly", () => {
    const refused = parse({ NODE_ENV: "production" });
    expect(refused.error?.issues.map((i) => i.path.join("."))).toContain("TOKENWARD_AUDIT_SIGNING_KEY");
    expect(parse({ NODE_ENV: "production", TOKENWARD_AUDIT_ALLOW_UNSIGNED: "true" }).success).toBe(true);
    expect(parse({ NODE_ENV: "production", TOKENWARD_AUDIT_SIGNING_KEY: "MC4CAQAwBQYDK2VwBCIEIJ1nVqzGk0l5lGbvj1V3kz8mJb0FJXj3v0WmP4qUoE2Z" }).success).toBe(true);
    // Development and tests run unsigned by default, and the UI says so.
    expect(parse({}).success).toBe(true);
    expect(parse({ TOKENWARD_AUDIT_CHECKPOINT_EVERY: "0" }).success).toBe(false);
  });
});
