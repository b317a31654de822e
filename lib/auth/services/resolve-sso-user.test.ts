import { describe, expect, it } from "vitest";
import { roleFromClaims } from "@/lib/auth/services/resolve-sso-user";

const settings = { issuer: "https://idp", roleClaim: "groups", roleMap: new Map([["sec", "security"], ["admins", "admin"], ["audit", "auditor"]] as const) };

describe("roleFromClaims", () => {
  it("picks the most privileged mapped group", () => {
    expect(roleFromClaims({ groups: ["audit", "admins", "sec"] }, settings)).toBe("admin");
  });
  it("takes a string claim as one group unless a delimiter is configured: a group named 'x admins' is not 'admins'", () => {
    expect(roleFromClaims({ groups: "x admins" }, settings)).toBeUndefined();
    expect(roleFromClaims({ groups: "audit,admins" }, settings)).toBeUndefined();
    expect(roleFromClaims({ groups: "sec" }, settings)).toBe("security");
    expect(roleFromClaims({ groups: "audit, sec" }, { ...settings, groupsDelimiter: "," })).toBe("security");
    expect(roleFromClaims({ groups: "x admins,audit" }, { ...settings, groupsDelimiter: "," })).toBe("auditor");
  });
  it("takes arrays as they are, ignoring non-strings, and never splits their items", () => {
    expect(roleFromClaims({ groups: ["x admins"] }, { ...settings, groupsDelimiter: "," })).toBeUndefined();
    expect(roleFromClaims({ groups: [{ toString: () => "admins" }, 1, "audit"] }, settings)).toBe("auditor");
  });
  it("denies by default, unless a default role is configured", () => {
    expect(roleFromClaims({ groups: ["unknown"] }, settings)).toBeUndefined();
    expect(roleFromClaims({}, settings)).toBeUndefined();
    expect(roleFromClaims({ groups: ["unknown"] }, { ...settings, defaultRole: "auditor" })).toBe("auditor");
  });
});
