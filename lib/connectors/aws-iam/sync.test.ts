import { describe, expect, it } from "vitest";
import { nameMatches, ownerEmailOf } from "./sync";

describe("sync helpers", () => {
  it("the owner is the first owner-like tag holding an e-mail address, whatever its case", () => {
    expect(ownerEmailOf([{ Key: "team", Value: "payments" }, { Key: "Owner", Value: " alice@example.com " }])).toBe("alice@example.com");
    expect(ownerEmailOf([{ Key: "owner", Value: "Alice" }, { Key: "owner-email", Value: "alice@example.com" }])).toBe("alice@example.com");
    expect(ownerEmailOf([{ Key: "owner", Value: "team-payments" }])).toBeUndefined();
    expect(ownerEmailOf([{ Key: "creator", Value: "bob@example.com" }])).toBeUndefined();
  });

  it("the name filter: * is a wildcard, the rest literal, case-insensitive, whole name", () => {
    expect(nameMatches(undefined, "anything")).toBe(true);
    expect(nameMatches("svc-*", "SVC-billing")).toBe(true);
    expect(nameMatches("*-agent", "docs-agent")).toBe(true);
    expect(nameMatches("svc-*", "my-svc-billing")).toBe(false);
    expect(nameMatches("a.b", "axb")).toBe(false);
    expect(nameMatches("a+b", "a+b")).toBe(true);
  });
});
