import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, permissionsOf, reachOf, REACHES, ROLES } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("denies by default: no role, or an unknown permission", () => {
    expect(can(null, "inventory.read")).toBe(false);
    expect(can(undefined, "audit.read")).toBe(false);
    expect(can("admin", "does.not.exist" as never)).toBe(false);
  });
  it("keeps auditors read-only", () => {
    // reports.schedule: an auditor's schedule is a deferred export to themselves only (lib/reports/schedules/access.ts).
    const writes = permissionsOf("auditor").filter((p) => !/\.(read|verify|export)$/.test(p) && p !== "reports.schedule");
    expect(writes).toEqual([]);
  });
  it("gives admin every permission and lists only known roles", () => {
    expect(permissionsOf("admin")).toEqual(Object.keys(PERMISSIONS));
    for (const grants of Object.values(PERMISSIONS)) {
      for (const [role, reach] of Object.entries(grants)) {
        expect(ROLES).toContain(role);
        expect(REACHES).toContain(reach);
      }
    }
    // Deciding on a request and receiving a new secret follow the credential, not the role: an admin
    // approves or receives only what they or their team own (the "owner or team member").
    // Attesting a review item follows its assignment the same way (lib/reviews).
    const byOwnership = ["workflows.approve", "workflows.reveal", "reviews.attest"];
    for (const p of permissionsOf("admin")) expect(reachOf("admin", p), p).toBe(byOwnership.includes(p) ? "owned" : "any");
  });
  it("lets owners claim orphans and hand over only what they or their team own", () => {
    expect(reachOf("owner", "ownership.claim")).toBe("any");
    expect(reachOf("owner", "ownership.assign")).toBe("owned");
    expect(reachOf("security", "ownership.assign")).toBe("any");
    expect(reachOf("auditor", "ownership.assign")).toBeNull();
  });
});
