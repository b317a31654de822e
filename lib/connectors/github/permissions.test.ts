import { describe, expect, it } from "vitest";
import { classifyScope } from "@/lib/scopes/classify";
import { ProviderError } from "../provider-error";
import { scopesOfGrouped, scopesOfPermissions, tokenRequestOf } from "./permissions";

describe("GitHub permissions as scopes", () => {
  it("flattens a PAT's grouped permissions into sorted <permission>:<level> strings", () => {
    expect(scopesOfGrouped({ organization: { members: "read" }, repository: { metadata: "read", contents: "write" }, other: { gpg_keys: "read" } })).toEqual([
      "contents:write",
      "gpg_keys:read",
      "members:read",
      "metadata:read",
    ]);
    expect(scopesOfGrouped({})).toEqual([]);
    expect(scopesOfPermissions({ issues: "write", checks: "none" })).toEqual(["issues:write"]);
  });

  it("yields what the scope catalogue classifies, admin where write administers", () => {
    const scopes = scopesOfGrouped({ repository: { administration: "write", contents: "write", metadata: "read", secrets: "write" }, organization: { organization_personal_access_tokens: "write" } });
    expect(scopes.map((s) => [s, classifyScope("github", s).privilege])).toEqual([
      ["administration:write", "admin"],
      ["contents:write", "write"],
      ["metadata:read", "read"],
      ["organization_personal_access_tokens:write", "admin"],
      ["secrets:write", "admin"],
    ]);
    expect(scopes.every((s) => classifyScope("github", s).privilege !== "unknown")).toBe(true);
  });

  it("turns an issue request into GitHub's permissions and repositories", () => {
    expect(tokenRequestOf(["contents:read", "issues:write", "repository:api", "repository:api"])).toEqual({ permissions: { contents: "read", issues: "write" }, repositories: ["api"] });
    expect(tokenRequestOf([])).toEqual({});
    expect(tokenRequestOf([" metadata:read "])).toEqual({ permissions: { metadata: "read" } });
  });

  it("refuses what is not a GitHub permission, naming it", () => {
    for (const bad of [["repo"], ["contents:execute"], ["Contents:read"], ["contents:read", "contents:write"], ["repository:../etc"], ["a:b:c"]]) {
      const error = (() => {
        try {
          tokenRequestOf(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error, bad.join()).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).kind).toBe("config");
    }
  });
});
