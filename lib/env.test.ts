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
});
