import { createSign } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appKey, githubFixture } from "./fixture";
import { JWT_EXP, JWT_EXP_FAR, JWT_UNDECODABLE } from "./jwt";
import { startGithubPeer, type TGithubPeer } from "./server";
import { loadGithubSpec, SERVED_OPERATIONS } from "./spec";

/**
 * The fake GitHub itself: that its OpenAPI checks bite (a request GitHub would refuse is refused
 * and recorded; a response GitHub would not send is recorded), and that its auth is GitHub's.
 */

let peer: TGithubPeer;
beforeAll(async () => {
  peer = await startGithubPeer();
});
afterAll(() => peer?.close());
afterEach(() => {
  expect(peer.takeViolations()).toEqual([]);
});

function jwt(payload: Record<string, unknown>, privateKeyPem = appKey(0).privateKeyPem, alg = "RS256"): string {
  const enc = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const data = `${enc({ alg, typ: "JWT" })}.${enc(payload)}`;
  return `${data}.${createSign("RSA-SHA256").update(data).sign(privateKeyPem).toString("base64url")}`;
}

async function send(method: string, path: string, options: { token?: string; body?: string } = {}) {
  const response = await fetch(`${peer.url}${path}`, {
    method,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: options.body,
  });
  return { status: response.status, body: (await response.json()) as { message: string } };
}

describe("the fake GitHub's OpenAPI checks", () => {
  it("is GitHub's published description, pruned to the served operations at load (time noted)", () => {
    const spec = loadGithubSpec();
    const served = Object.values(spec.document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(served.sort()).toEqual([...SERVED_OPERATIONS].sort());
    expect(spec.allPaths.length).toBeGreaterThan(700);
    console.info(`GitHub OpenAPI ${spec.version}: read, parsed and pruned in ${spec.loadMs} ms; validator ready in ${peer.validatorInitMs} ms`);
    expect(spec.loadMs).toBeLessThan(5000);
  });

  it("refuses a request body GitHub would refuse, and records it", async () => {
    const f = githubFixture(peer);
    const bad = await send("POST", `/orgs/${f.org.spec.login}/personal-access-tokens`, { body: JSON.stringify({ action: "revoke", pat_ids: ["12"] }) });
    expect(bad.status).toBe(422);
    expect(peer.takeViolations()).toEqual(["orgs/update-pat-accesses: request violates the spec: /requestBody/pat_ids/0 must be integer"]);
    const wrongAction = await send("POST", `/orgs/${f.org.spec.login}/personal-access-token-requests/5`, { body: JSON.stringify({ action: "maybe" }) });
    expect(wrongAction.status).toBe(422);
    expect(peer.takeViolations()[0]).toMatch(/orgs\/review-pat-grant-request: request violates the spec: \/requestBody\/action must be equal to one of the allowed values/);
    const noBody = await send("POST", `/orgs/${f.org.spec.login}/personal-access-tokens/7`);
    expect(noBody.status).toBe(422);
    expect(peer.takeViolations()[0]).toMatch(/must have required property 'requestBody'/);
    const notJson = await send("POST", "/credentials/revoke", { body: "{credentials:" });
    expect([notJson.status, notJson.body.message]).toEqual([400, "Problems parsing JSON"]);
    expect(peer.takeViolations()).toHaveLength(1);
  });

  it("refuses bad parameters and unknown paths, telling 'not GitHub' from 'not served'", async () => {
    const f = githubFixture(peer);
    expect((await send("GET", `/orgs/${f.org.spec.login}/personal-access-tokens?per_page=many`)).status).toBe(422);
    expect((await send("GET", `/orgs/${f.org.spec.login}/personal-access-tokens?colour=blue`)).status).toBe(422);
    expect((await send("GET", "/orgs/x/personal-access-tokens/not-a-thing/nope")).status).toBe(404);
    expect((await send("GET", "/user")).status).toBe(404);
    const violations = peer.takeViolations();
    expect(violations[0]).toMatch(/\/query\/per_page must be integer/);
    expect(violations[1]).toMatch(/\/query must NOT have additional properties/);
    expect(violations[2]).toBe("GET /orgs/x/personal-access-tokens/not-a-thing/nope: no such operation in GitHub's OpenAPI description");
    expect(violations[3]).toBe("GET /user: a GitHub operation this fake does not serve");
  });

  it("records a response GitHub would not send", async () => {
    const f = githubFixture(peer);
    const token = f.world.mintInstallationToken(f.installation.id, f.installation.permissions, null).token;
    // A list operation answering an object, and a status the operation does not document.
    peer.failNext("orgs/list-pat-grants", { status: 200, message: "not a list" });
    await send("GET", `/orgs/${f.org.spec.login}/personal-access-tokens`, { token });
    peer.failNext("apps/revoke-installation-access-token", { status: 202, message: "accepted?" });
    await send("DELETE", "/installation/token", { token });
    // A grant whose fields break GitHub's schema (the fake's own bug would look like this).
    f.world.addPat(f.org.spec.login, { owner: { login: "x", id: 1, email: null }, repositorySelection: "several" as "all" });
    await send("GET", `/orgs/${f.org.spec.login}/personal-access-tokens`, { token });
    expect(peer.takeViolations()).toEqual([
      "orgs/list-pat-grants: HTTP 200 response violates the spec: / must be array",
      "apps/revoke-installation-access-token: GitHub documents no HTTP 202 for this operation",
      "orgs/list-pat-grants: HTTP 200 response violates the spec: /0/repository_selection must be equal to one of the allowed values",
    ]);
  });
});

describe("the fake GitHub's authentication", () => {
  it("checks the App JWT as GitHub does: signature, iss, iat, exp", async () => {
    const f = githubFixture(peer);
    const now = Math.floor(Date.now() / 1000);
    const ok = await send("GET", "/app", { token: jwt({ iss: f.app.id, iat: now - 30, exp: now + 540 }) });
    expect(ok.status).toBe(200);
    const cases: [string, string][] = [
      [jwt({ iss: f.app.id, iat: now - 30, exp: now + 540 }, appKey(1).privateKeyPem), JWT_UNDECODABLE],
      [jwt({ iss: 999_999_999, iat: now - 30, exp: now + 540 }), JWT_UNDECODABLE],
      [jwt({ iss: f.app.id, iat: now - 30, exp: now + 540 }, undefined, "HS256"), JWT_UNDECODABLE],
      [jwt({ iss: f.app.id, iat: now - 700, exp: now - 100 }), JWT_EXP],
      [jwt({ iss: f.app.id, iat: now - 30, exp: now + 3600 }), JWT_EXP_FAR],
      ["not.a.jwt", JWT_UNDECODABLE],
    ];
    for (const [token, message] of cases) expect(await send("GET", "/app", { token })).toMatchObject({ status: 401, body: { message } });
  });

  it("checks installation tokens on every request, and keeps each to its installation's organisation", async () => {
    const f = githubFixture(peer);
    const other = githubFixture(peer);
    const minted = f.world.mintInstallationToken(f.installation.id, f.installation.permissions, null).token;
    expect((await send("GET", `/orgs/${f.org.spec.login}/personal-access-tokens`, { token: minted })).status).toBe(200);
    expect(await send("GET", `/orgs/${other.org.spec.login}/personal-access-tokens`, { token: minted })).toMatchObject({ status: 403, body: { message: "Resource not accessible by integration" } });
    expect(await send("GET", `/orgs/${f.org.spec.login}/personal-access-tokens`, { token: "ghs_madeup" })).toMatchObject({ status: 401, body: { message: "Bad credentials" } });
    expect(await send("POST", "/credentials/revoke", { token: minted, body: JSON.stringify({ credentials: ["ghp_x"] }) })).toMatchObject({ status: 403 });
  });
});

describe("the fake GitHub at scale", () => {
  it("holds 100,000 PATs without 100,000 objects and serves the last page directly", async () => {
    const f = githubFixture(peer);
    const started = performance.now();
    f.world.generatePats(f.org.spec.login, 100_000);
    expect(performance.now() - started).toBeLessThan(1000);
    const token = f.world.mintInstallationToken(f.installation.id, f.installation.permissions, null).token;
    const response = await fetch(`${peer.url}/orgs/${f.org.spec.login}/personal-access-tokens?per_page=100&page=1000&direction=asc`, { headers: { authorization: `token ${token}` } });
    const page = (await response.json()) as { id: number; token_name: string }[];
    expect(page).toHaveLength(100);
    expect(page.at(-1)!.token_name).toBe("automation 99999");
    expect(response.headers.get("link")).toMatch(/[?&]page=999[&>][^,]*rel="prev"/);
    expect(response.headers.get("link")).not.toMatch(/rel="next"/);
  });
});
