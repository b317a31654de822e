import { describe, expect, it } from "vitest";
import { nextPageUrl } from "./client";
import { parsePatExternalId, patCredential, patExternalId, verifyPat } from "./pats";
import { ZPatGrant } from "./schemas";

const grant = ZPatGrant.parse({
  id: 25381,
  owner: { login: "octocat", id: 1, email: "octocat@github.com", type: "User" },
  repository_selection: "subset",
  repositories_url: "https://api.github.com/organizations/652551/personal-access-tokens/25381/repositories",
  permissions: { organization: { members: "read" }, repository: { metadata: "read" } },
  access_granted_at: "2023-05-16T08:47:09.000-07:00",
  token_id: 98716,
  token_name: "Some Token",
  token_expired: false,
  token_expires_at: "2023-11-16T08:47:09.000-07:00",
  token_last_used_at: null,
});

describe("fine-grained PAT grants", () => {
  it("names a grant by grant id and token id, and reads older ids", () => {
    expect(patExternalId(grant)).toBe("pat:25381:98716");
    expect(parsePatExternalId("pat:25381:98716")).toEqual({ grantId: 25381, tokenId: 98716 });
    expect(parsePatExternalId("pat:25381")).toEqual({ grantId: 25381 });
    for (const bad of [undefined, "", "25381", "pat:", "pat:x", "pat:1:2:3", "client_secret:abc"]) expect(parsePatExternalId(bad), String(bad)).toBeNull();
  });

  it("maps GitHub's grant (its documented example) to a synced credential", () => {
    expect(patCredential(grant, "github")).toEqual({
      kind: "credential",
      externalId: "pat:25381:98716",
      name: "Some Token",
      credentialKind: "pat",
      ownerEmail: "octocat@github.com",
      scopes: ["members:read", "metadata:read"],
      issuedAt: new Date("2023-05-16T15:47:09Z"),
      expiresAt: new Date("2023-11-16T15:47:09Z"),
      metadata: {
        org: "github",
        patId: 25381,
        tokenId: 98716,
        ownerLogin: "octocat",
        ownerId: 1,
        repositorySelection: "subset",
        permissions: { organization: { members: "read" }, repository: { metadata: "read" } },
        tokenExpired: false,
      },
    });
  });

  it("verifies active only while listed and unexpired", () => {
    expect(verifyPat(grant, new Date("2023-10-01T00:00:00Z"))).toMatchObject({ active: true, subject: "octocat", scopes: ["members:read", "metadata:read"] });
    expect(verifyPat(grant, new Date("2024-01-01T00:00:00Z")).active).toBe(false);
    expect(verifyPat({ ...grant, token_expired: true }, new Date("2023-10-01T00:00:00Z")).active).toBe(false);
    expect(verifyPat({ ...grant, token_expires_at: null }, new Date("2099-01-01T00:00:00Z")).active).toBe(true);
    expect(verifyPat(null, new Date())).toEqual({ active: false, scopes: [], audience: [] });
  });
});

describe("Link pagination", () => {
  const base = "https://ghe.example.com/api/v3";
  it("follows rel=next on the configured API only", () => {
    expect(nextPageUrl(`<${base}/orgs/a/personal-access-tokens?page=2>; rel="next", <${base}/orgs/a/personal-access-tokens?page=5>; rel="last"`, base)).toBe(`${base}/orgs/a/personal-access-tokens?page=2`);
    expect(nextPageUrl(`<${base}/x?page=1>; rel="prev"`, base)).toBeUndefined();
    expect(nextPageUrl(undefined, base)).toBeUndefined();
    expect(() => nextPageUrl('<https://evil.example/steal?page=2>; rel="next"', base)).toThrow(/refusing to follow/);
    expect(() => nextPageUrl('<https://ghe.example.com/elsewhere?page=2>; rel="next"', base)).toThrow(/refusing to follow/);
  });
});
