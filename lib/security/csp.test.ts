import { describe, expect, it } from "vitest";
import { buildCsp, generateNonce } from "@/lib/security/csp";

describe("content security policy", () => {
  it("allows scripts only with the nonce, and no eval outside development", () => {
    const csp = buildCsp("abc", { dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
  it("lets forms reach the SSO issuer only when one is configured", () => {
    expect(buildCsp("n", { dev: false, ssoOrigin: "https://idp.example" })).toContain("form-action 'self' https://idp.example");
    expect(buildCsp("n", { dev: false })).toContain("form-action 'self';");
  });
  it("makes a fresh unpredictable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, generateNonce));
    expect(nonces.size).toBe(100);
  });
});
