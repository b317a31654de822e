import { describe, expect, it } from "vitest";
import { roleFromClaims } from "@/lib/auth/services/resolve-sso-user";

const settings = { issuer: "https://idp", roleClaim: "groups", roleMap: new Map([["sec", "security"], ["admins", "admin"], ["audit", "auditor"]] as const) };

describe("roleFromClaims", () => {
  it("picks the most privileged mapped group", () => {
    expect(roleFromClaims({ groups: ["audit", "admins", "sec"] }, settings)).toBe("admin");
    expect(roleFromClaims({ groups: "audit sec" }, settings)).toBe("security");
  });
  it("denies by default, unless a default role is configured", () => {
    expect(roleFromClaims({ groups: ["unknown"] }, settings)).toBeUndefined();
    expect(roleFromClaims({}, settings)).toBeUndefined();
    expect(roleFromClaims({ groups: ["unknown"] }, { ...settings, defaultRole: "auditor" })).toBe("auditor");
  });
});
