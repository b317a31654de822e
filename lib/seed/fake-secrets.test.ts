import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CredentialKind } from "@/lib/generated/prisma/client";
import { PROVIDERS } from "@/lib/seed/catalog-providers";
import { FINGERPRINT_PATTERN, fakeExternalId, fakeSecret, fingerprintOf, hintOf } from "@/lib/seed/fake-secrets";
import { createRng } from "@/lib/seed/prng";

describe("fingerprints", () => {
  it("are sha256: + lowercase hex SHA-256 of the UTF-8 secret (DESIGN.md)", () => {
    const secret = "example-not-a-secret-é";
    expect(fingerprintOf(secret)).toBe(`sha256:${createHash("sha256").update(Buffer.from(secret, "utf8")).digest("hex")}`);
    expect(fingerprintOf(secret)).toMatch(FINGERPRINT_PATTERN);
  });

  it("hint is the last four characters only", () => {
    expect(hintOf("abcdefgh")).toBe("efgh");
  });
});

describe("fake secrets", () => {
  const rng = createRng(11);
  const cases: [string, CredentialKind, RegExp][] = [
    ["github", "installation_token", /^ghs_[A-Za-z0-9]{36}$/],
    ["github", "oauth_access_token", /^gho_[A-Za-z0-9]{36}$/],
    ["aws_prod", "cloud_access_key", /^[A-Za-z0-9+/]{40}$/],
    ["slack", "api_key", /^xoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}$/],
    ["stripe", "api_key", /^(rk|sk)_live_51[A-Za-z0-9]{96}$/],
  ];
  it.each(cases)("%s %s looks like the provider's own format", (provider, kind, pattern) => {
    const spec = PROVIDERS.find((p) => p.key === provider);
    expect(spec).toBeDefined();
    expect(fakeSecret(spec!.key, kind, [], rng)).toMatch(pattern);
  });

  it("classic GitHub scopes give a classic PAT, fine-grained ones a github_pat_", () => {
    expect(fakeSecret("github", "pat", ["repo", "read:org"], rng)).toMatch(/^ghp_/);
    expect(fakeSecret("github", "pat", ["contents:read"], rng)).toMatch(/^github_pat_11/);
  });

  it("AWS external ids are 20-character AKIA access key ids", () => {
    expect(fakeExternalId("aws_prod", "cloud_access_key", 1, rng)).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });

  it("serial-based external ids never collide", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => fakeExternalId("github", "pat", i, rng));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
