import { describe, expect, it } from "vitest";
import { ProviderError } from "../provider-error";
import { clientItems, parseRegistrations, readRegistration, ZClientInformation, ZRegistrations } from "./registrations";

describe("parseRegistrations", () => {
  it("reads one URI and token per line, skipping blanks and comments", () => {
    const { registrations, errors } = parseRegistrations("# clients\nhttps://as.example/reg/a tokA\n\n  https://as.example/reg/b   tokB  \r\n");
    expect(errors).toEqual([]);
    expect(registrations).toEqual([
      { line: 2, uri: "https://as.example/reg/a", token: "tokA" },
      { line: 4, uri: "https://as.example/reg/b", token: "tokB" },
    ]);
  });

  it.each([
    ["https://as.example/reg/a", /Line 1: expected/],
    ["https://as.example/reg/a tok extra", /Line 1: expected/],
    ["not-a-url tok", /is not a URL/],
    ["javascript:alert(1) tok", /must be http/],
    ["file:///etc/passwd tok", /must be http/],
    ["https://user:pw@as.example/reg/a tok", /user name or password/],
    ["https://as.example/reg/a t1\nhttps://as.example/reg/a t2", /Line 2: .* listed twice/],
  ])("refuses %j with a line-numbered message", (text, message) => {
    expect(parseRegistrations(text).errors.join(" ")).toMatch(message);
    expect(ZRegistrations.safeParse(text).success).toBe(false);
  });

  it("an error message never repeats the token", () => {
    const { errors } = parseRegistrations("https://as.example/reg/a super-secret-token extra");
    expect(errors.join(" ")).not.toContain("super-secret-token");
  });
});

describe("readRegistration", () => {
  it("refuses a registration URI on another origin than the issuer, before any request", async () => {
    const e = await readRegistration({ line: 3, uri: "https://evil.example/reg/a", token: "t" }, "https://as.example").catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ProviderError);
    expect((e as ProviderError).message).toMatch(/line 3: https:\/\/evil.example is not the issuer's origin/);
  });
});

describe("clientItems", () => {
  const registration = { line: 1, uri: "https://as.example/reg/c1", token: "t" };
  it("fingerprints the client secret and keeps no part of it beyond the hint", () => {
    const items = clientItems({ client_id: "c1", client_name: "Agent", client_secret: "s3cr3t-value-WXYZ", client_secret_expires_at: 0, scope: "a b" }, registration);
    expect(items.map((i) => i.kind)).toEqual(["identity", "credential"]);
    const credential = items[1]!;
    if (credential.kind !== "credential") throw new Error("expected a credential");
    expect(credential).toMatchObject({ externalId: "client_secret:c1", scopes: ["a", "b"], hint: "WXYZ", expiresAt: undefined, identityExternalId: "c1" });
    expect(credential.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(items)).not.toContain("s3cr3t-value");
  });

  it("a public client (auth method none) is an identity without a credential", () => {
    expect(clientItems({ client_id: "c2", token_endpoint_auth_method: "none" }, registration).map((i) => i.kind)).toEqual(["identity"]);
  });
});

describe("ZClientInformation", () => {
  it.each([
    ["client_secret_basic", "client_secret_basic"],
    [["client_secret_basic"], "client_secret_basic"],
    [["none", "client_secret_post"], "client_secret_post"],
    [["none"], "none"],
    [undefined, undefined],
  ])("reads token_endpoint_auth_method %j (a string per RFC 7591, a list from Glewlwyd) as %j", (method, expected) => {
    expect(ZClientInformation.parse({ client_id: "c", token_endpoint_auth_method: method }).token_endpoint_auth_method).toBe(expected);
  });

  it("a listed client whose only method is none still yields no credential", () => {
    const client = ZClientInformation.parse({ client_id: "c3", token_endpoint_auth_method: ["none"], client_secret: "ignored-secret" });
    expect(clientItems(client, { line: 1, uri: "https://as.example/reg/c3", token: "t" }).map((i) => i.kind)).toEqual(["identity"]);
  });
});
