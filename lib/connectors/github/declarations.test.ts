import { describe, expect, it } from "vitest";
import { supportFor } from "@/lib/connectors/contract";
import { planWorkflow } from "@/lib/workflows/plan";
import { githubConnector } from "./connector";

/** What the GitHub connector says it can do per credential kind: what pages and workflows read. */

const caps = githubConnector.capabilities;
const provider = { name: "GitHub (acme)", enabled: true, secretSet: true };
const plan = (kind: "rotation" | "revocation", credentialKind: string) => planWorkflow({ kind, credentialKind, provider, connector: githubConnector as never });

describe("GitHub connector declarations", () => {
  it("issues installation tokens only: a PAT has no creation API", () => {
    expect(supportFor(caps.issue, "installation_token")).toEqual({ supported: true, needsValue: false });
    const pat = supportFor(caps.issue, "pat");
    expect(pat.supported).toBe(false);
    if (!pat.supported) expect(pat.reason).toMatch(/no API that creates a personal access token/);
    expect(caps.rotate.supported).toBe(false);
  });

  it("revokes a PAT by id, tokens by value; verifies a PAT by id and an installation token by value", () => {
    expect(supportFor(caps.revoke, "pat")).toEqual({ supported: true, needsValue: false });
    expect(supportFor(caps.revoke, "installation_token")).toEqual({ supported: true, needsValue: true });
    expect(supportFor(caps.revoke, "oauth_access_token")).toEqual({ supported: true, needsValue: true });
    expect(supportFor(caps.revoke, "client_secret").supported).toBe(false);
    expect(supportFor(caps.verify, "pat")).toEqual({ supported: true, needsValue: false });
    expect(supportFor(caps.verify, "installation_token")).toEqual({ supported: true, needsValue: true });
    expect(supportFor(caps.verify, "oauth_access_token").supported).toBe(false);
    expect(supportFor(caps.lastUsed, "pat").supported).toBe(true);
    expect(supportFor(caps.lastUsed, "installation_token").supported).toBe(false);
  });

  it("a PAT's rotation is by replacement (the owner creates it), then Tokenward revokes and verifies by id", () => {
    expect(plan("rotation", "pat")).toMatchObject({ possible: true, canIssue: false, revokeNeedsValue: false, verifyNeedsValue: false, canVerify: true });
    expect(plan("rotation", "pat")).toMatchObject({ summary: expect.stringMatching(/cannot issue a replacement.*The owner creates one/) });
    expect(plan("revocation", "pat")).toMatchObject({ possible: true, canVerify: true });
    expect(plan("rotation", "installation_token")).toMatchObject({ possible: true, canIssue: true, revokeNeedsValue: true, verifyNeedsValue: true });
  });
});
