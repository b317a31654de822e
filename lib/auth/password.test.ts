import { describe, expect, it } from "vitest";
import { hashPassword, TIMING_DUMMY_HASH, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct");
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("wrong", a)).toBe(false);
  });
  it("never accepts the dummy or a malformed hash", async () => {
    expect(await verifyPassword("", TIMING_DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});
