import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, permissionsOf, ROLES } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("denies by default: no role, or an unknown permission", () => {
    expect(can(null, "inventory.read")).toBe(false);
    expect(can(undefined, "audit.read")).toBe(false);
    expect(can("admin", "does.not.exist" as never)).toBe(false);
  });
  it("keeps auditors read-only", () => {
    const writes = permissionsOf("auditor").filter((p) => !/\.(read|verify|export)$/.test(p));
    expect(writes).toEqual([]);
  });
  it("gives admin every permission and lists only known roles", () => {
    expect(permissionsOf("admin")).toEqual(Object.keys(PERMISSIONS));
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });
  it("lets owners claim but not assign ownership", () => {
    expect(can("owner", "ownership.claim")).toBe(true);
    expect(can("owner", "ownership.assign")).toBe(false);
  });
});
