import { describe, expect, it } from "vitest";
import { signDelivery, verifyDelivery } from "./signature";

describe("delivery signatures", () => {
  const secret = "whsec-test-0123456789";
  const body = JSON.stringify({ secret: "s3cr3t", workflowId: "w" });
  const now = 1_796_000_000_000;
  const t = Math.floor(now / 1000);

  it("verifies its own signature, and nothing else", () => {
    const header = signDelivery(secret, body, t);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyDelivery(secret, body, header, { now })).toBe(true);
    expect(verifyDelivery("other-secret", body, header, { now })).toBe(false);
    expect(verifyDelivery(secret, `${body} `, header, { now })).toBe(false);
    expect(verifyDelivery(secret, body, header.replace(/v1=./, "v1=0"), { now })).toBe(false);
  });

  it("refuses stale, future, missing and malformed headers", () => {
    expect(verifyDelivery(secret, body, signDelivery(secret, body, t - 301), { now })).toBe(false);
    expect(verifyDelivery(secret, body, signDelivery(secret, body, t + 301), { now })).toBe(false);
    for (const header of [null, "", "t=abc,v1=00", `t=${t}`, `v1=${"a".repeat(64)}`, `t=${t},v1=${"z".repeat(64)}`, `t=${t},v1=${"a".repeat(63)}`]) {
      expect(verifyDelivery(secret, body, header, { now })).toBe(false);
    }
  });
});
