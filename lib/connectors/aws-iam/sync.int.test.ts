import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSyncedCredential, TSyncedIdentity, TSyncItem } from "../contract";
import { ProviderError } from "../provider-error";
import { CONNECTORS } from "../registry";
import { IAM_ERRORS } from "../testing/aws-iam-recorded";
import { startIamPeer, type TIamPeer } from "../testing/aws-iam-peer";
import { createKey, createUsers, peerContext } from "../testing/aws-iam-seed";

/** The AWS sync against the peer: paging, throttling, permissions as scopes, owners, a user gone mid-sync. */

const sync = (() => {
  const c = CONNECTORS.aws_iam.capabilities.sync;
  if (!c.supported) throw new Error("sync declared unsupported");
  return c.run;
})();

let peer: TIamPeer;
beforeAll(async () => {
  peer = await startIamPeer();
});
afterAll(() => peer?.close());

async function collect(pathPrefix: string, extra: Record<string, string> = {}): Promise<TSyncItem[]> {
  const out: TSyncItem[] = [];
  for await (const item of sync(peerContext(peer, { pathPrefix, ...extra }))) out.push(item);
  return out;
}
const identities = (items: TSyncItem[]) => items.filter((i): i is TSyncedIdentity => i.kind === "identity");
const credentials = (items: TSyncItem[]) => items.filter((i): i is TSyncedCredential => i.kind === "credential");

describe("aws_iam sync", () => {
  it("pages through 250 users with Marker, yields each once with its keys after it, and reports progress", async () => {
    const names = Array.from({ length: 250 }, (_, i) => `paged-${String(i).padStart(3, "0")}`);
    await createUsers(peer, names, "/paged/");
    const withKeys = [names[0]!, names[120]!, names[249]!];
    const keys = await Promise.all(withKeys.map((n) => createKey(peer, n)));
    const before = peer.state.requestsOf("ListUsers").length;

    const items = await collect("/paged/");
    expect(identities(items).map((i) => i.name).sort()).toEqual(names);
    expect(new Set(identities(items).map((i) => i.externalId)).size).toBe(250);
    expect(credentials(items).map((c) => c.externalId).sort()).toEqual(keys.map((k) => k.accessKeyId).sort());
    for (const credential of credentials(items)) {
      const owner = items.findIndex((i) => i.kind === "identity" && i.externalId === credential.identityExternalId);
      expect(owner).toBeGreaterThanOrEqual(0);
      expect(owner).toBeLessThan(items.indexOf(credential));
      expect(credential).toMatchObject({ credentialKind: "cloud_access_key", status: "active", hint: credential.externalId.slice(-4) });
    }
    const progress = items.filter((i) => i.kind === "progress");
    expect(progress.at(-1)).toEqual({ kind: "progress", seen: 250 });
    // Three pages of at most 100: the second and third asked for with the Marker the previous one gave.
    const pages = peer.state.requestsOf("ListUsers").slice(before);
    expect(pages.map((r) => [r.params.MaxItems, r.params.Marker === undefined])).toEqual([
      ["100", true],
      ["100", false],
      ["100", false],
    ]);
  });

  it("the user name filter keeps matching users only, case-insensitively", async () => {
    await createUsers(peer, ["svc-Billing", "svc-docs", "alice"], "/filtered/");
    expect(identities(await collect("/filtered/", { userNameFilter: "SVC-*" })).map((i) => i.name).sort()).toEqual(["svc-Billing", "svc-docs"]);
  });

  it("rides out throttling with the SDK's backoff (sync reads only), and fails retryable when it persists", async () => {
    await createUsers(peer, ["throttled-a", "throttled-b"], "/throttled/");
    await createKey(peer, "throttled-b");
    peer.state.failNext(IAM_ERRORS.throttling, 2, "ListAccessKeys");
    const items = await collect("/throttled/");
    expect(credentials(items)).toHaveLength(1);
    expect(peer.state.requestsOf("ListAccessKeys").filter((r) => r.code === "Throttling")).toHaveLength(2);

    peer.state.failNext(IAM_ERRORS.throttling, 10, "ListUsers");
    const e = await collect("/throttled/").then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ProviderError);
    expect([(e as ProviderError).retryable, (e as ProviderError).providerMessage]).toEqual([true, "Throttling: Rate exceeded"]);
    peer.state.faults.length = 0;
  });

  it("scopes are what the user's inline, attached and group policies allow; the owner comes from an owner tag", async () => {
    await createUsers(peer, ["perm-agent", "perm-other"], "/perms/");
    const key = await createKey(peer, "perm-agent");
    await createKey(peer, "perm-other");
    peer.state.putUserPolicy("perm-agent", "objects", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "*" }, { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }] });
    const readOnly = peer.state.createPolicy("ReadOnlyEC2", { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "ec2:Describe*", Resource: "*" } }, { aws: true, versionId: "v3" });
    peer.state.attachUserPolicy("perm-agent", readOnly);
    peer.state.attachUserPolicy("perm-other", readOnly);
    const admins = peer.state.group("deployers");
    admins.members.add("perm-agent");
    admins.inline.set("pass-role", JSON.stringify({ Statement: [{ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }] }));
    admins.attached.push(peer.state.createPolicy("AlmostEverything", { Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }));
    peer.state.setTags("perm-agent", { Owner: "alice@example.com", team: "payments" });
    peer.state.setTags("perm-other", { owner: "not an e-mail" });
    const versionReads = peer.state.requestsOf("GetPolicyVersion").length;

    const items = await collect("/perms/");
    const agent = identities(items).find((i) => i.name === "perm-agent")!;
    expect(agent).toMatchObject({
      identityKind: "service_account",
      ownerEmail: "alice@example.com",
      metadata: { path: "/perms/", tags: { Owner: "alice@example.com", team: "payments" }, policies: { attached: ["ReadOnlyEC2"], inline: ["objects"], groups: ["deployers"] } },
    });
    expect(credentials(items).find((c) => c.externalId === key.accessKeyId)).toMatchObject({
      ownerEmail: "alice@example.com",
      scopes: ["*", "ec2:Describe*", "iam:PassRole", "s3:GetObject", "s3:PutObject"],
    });
    expect(identities(items).find((i) => i.name === "perm-other")!.ownerEmail).toBeUndefined();
    // The managed policy both users have was read once (GetPolicy says v3, GetPolicyVersion reads v3).
    expect(peer.state.requestsOf("GetPolicyVersion").slice(versionReads).map((r) => [r.params.PolicyArn, r.params.VersionId])).toEqual(
      expect.arrayContaining([[readOnly, "v3"]]),
    );
    expect(peer.state.requestsOf("GetPolicyVersion").slice(versionReads).filter((r) => r.params.PolicyArn === readOnly)).toHaveLength(1);
  });

  it("a user AWS no longer knows half-way is skipped with a warning; the sync goes on", async () => {
    await createUsers(peer, ["vanish-a", "vanish-b"], "/vanish/");
    peer.state.failNext(IAM_ERRORS.noSuchUser("vanish-a"), 1, "ListUserTags");
    const items = await collect("/vanish/");
    expect(items.filter((i) => i.kind === "warning")).toEqual([{ kind: "warning", message: expect.stringMatching(/IAM user vanish-a was deleted during the sync/) }]);
    expect(identities(items).map((i) => i.name)).toEqual(["vanish-b"]);
  });
});
