import { describe, expect, it } from "vitest";
import { HISTORY_TARGET_TYPES, targetHref } from "@/lib/audit/target-links";

const ID = "0b5f1c1e-2d6a-4c1e-9a57-7a1f0e3c9d11";

describe("targetHref", () => {
  it("links entities to their detail pages", () => {
    expect(targetHref("credential", ID)).toBe(`/inventory/${ID}`);
    expect(targetHref("identity", ID)).toBe(`/identities/${ID}`);
    expect(targetHref("mcp_server", ID)).toBe(`/mcp-servers/${ID}`);
    expect(targetHref("provider", ID)).toBe(`/providers/${ID}`);
    expect(targetHref("workflow", ID)).toBe(`/workflows/${ID}`);
    expect(targetHref("workflow_batch", ID)).toBe(`/workflows/batches/${ID}`);
  });

  it("every History type has a detail page", () => {
    for (const type of HISTORY_TARGET_TYPES) expect(targetHref(type, ID)).toMatch(new RegExp(`/${ID}$`));
  });

  it("never builds a URL from a target id that is not a UUID", () => {
    expect(targetHref("credential", "../../api/v1/audit/export")).toBe("/inventory");
    expect(targetHref("credential", "javascript:alert(1)")).toBe("/inventory");
    expect(targetHref("workflow_batch", "x")).toBe("/workflows");
    expect(targetHref("credential", null)).toBe("/inventory");
  });

  it("links list-only targets to their page and unknown types nowhere", () => {
    expect(targetHref("user", ID)).toBe("/settings/users");
    expect(targetHref("audit_chain", null)).toBe("/audit");
    expect(targetHref("thing", ID)).toBeNull();
  });
});
