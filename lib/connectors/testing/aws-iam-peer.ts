import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator } from "emulate";
import * as recorded from "./aws-iam-recorded";
import { IAM_ERRORS } from "./aws-iam-recorded";
import { IamPeerState, PEER_ACCOUNT_ID, PEER_ADMIN } from "./aws-iam-peer-state";
import { verifySigV4 } from "./sigv4";

export { PEER_ACCOUNT_ID, PEER_ADMIN } from "./aws-iam-peer-state";

/**
 * The AWS IAM peer: `emulate` (a real, stateful IAM emulator: users and access keys) behind a thin
 * front on 127.0.0.1 that does what emulate does not, as AWS documents it:
 *  - verifies every request's Signature V4 (./sigv4.ts) and session token, answering
 *    InvalidClientTokenId / SignatureDoesNotMatch / ExpiredToken like AWS;
 *  - enforces the two-keys-per-user quota (LimitExceeded) and NoSuchEntity for unknown keys on
 *    DeleteAccessKey, which emulate lets pass;
 *  - pages ListUsers (Marker / IsTruncated / MaxItems, PathPrefix), which emulate returns whole;
 *  - answers UpdateAccessKey, GetAccessKeyLastUsed, tags, groups and policies from the recorded
 *    response shapes (./aws-iam-recorded.ts) over state kept consistent with emulate's (a key made
 *    Inactive stays listed, as Inactive; a key emulate deleted is unknown everywhere).
 * Everything else (CreateUser, GetUser, CreateAccessKey, ListAccessKeys' contents, DeleteAccessKey)
 * is emulate's own answer.
 */

type TAnswer = { status: number; body: string };
type TCaller = { accessKeyId: string; userName?: string };

const ok = (body: string): TAnswer => ({ status: 200, body });
const fail = (e: { status: number; code: string; message: string }): TAnswer => ({ status: e.status, body: recorded.errorResponse(e.code, e.message) });

function unescapeXml(value: string): string {
  return value.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
const tag = (xml: string, name: string) => {
  const found = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
  return found === undefined ? undefined : unescapeXml(found);
};
const memberBlocks = (xml: string) => [...xml.matchAll(/<member>([\s\S]*?)<\/member>/g)].map((m) => m[1]!);

export async function startIamPeer() {
  const emulator = await createEmulator({ service: "aws", port: 0 });
  // emulate listens on 127.0.0.1 but names itself "localhost", which may resolve to ::1 first.
  const emulateUrl = `${emulator.url.replace("localhost", "127.0.0.1")}/iam/`;
  const state = new IamPeerState(new Date());

  async function emulate(params: Record<string, string>): Promise<TAnswer> {
    const response = await fetch(emulateUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params).toString() });
    return { status: response.status, body: await response.text() };
  }

  async function emulateUser(userName: string): Promise<recorded.TRecordedUser | undefined> {
    const answer = await emulate({ Action: "GetUser", UserName: userName });
    if (answer.status !== 200) return undefined;
    return { userName, userId: tag(answer.body, "UserId")!, path: tag(answer.body, "Path")!, arn: tag(answer.body, "Arn")!, createDate: new Date(tag(answer.body, "CreateDate")!) };
  }

  /** The key ids emulate holds for a user, or the NoSuchEntity answer for an unknown user. */
  async function emulateKeyIds(userName: string): Promise<string[] | TAnswer> {
    const answer = await emulate({ Action: "ListAccessKeys", UserName: userName });
    if (answer.status !== 200) return answer;
    return memberBlocks(answer.body).map((m) => tag(m, "AccessKeyId")!);
  }

  async function listUsers(params: Record<string, string>): Promise<TAnswer> {
    const answer = await emulate({ Action: "ListUsers" });
    const all = memberBlocks(answer.body)
      .map((m) => ({ userName: tag(m, "UserName")!, userId: tag(m, "UserId")!, path: tag(m, "Path")!, arn: tag(m, "Arn")!, createDate: new Date(tag(m, "CreateDate")!) }))
      .filter((u) => u.path.startsWith(params.PathPrefix ?? "/"));
    const start = params.Marker ? Number(Buffer.from(params.Marker, "base64url").toString()) : 0;
    const size = Math.min(Number(params.MaxItems ?? 100), 1000);
    const next = start + size < all.length ? Buffer.from(String(start + size)).toString("base64url") : undefined;
    return ok(recorded.listUsers(all.slice(start, start + size), next));
  }

  async function keyOf(userName: string, accessKeyId: string): Promise<TAnswer | undefined> {
    const ids = await emulateKeyIds(userName);
    if (!Array.isArray(ids)) return ids;
    return ids.includes(accessKeyId) ? undefined : fail(IAM_ERRORS.noSuchKey(accessKeyId));
  }

  async function userScoped(userName: string, answer: () => string): Promise<TAnswer> {
    return (await emulateUser(userName)) ? ok(answer()) : fail(IAM_ERRORS.noSuchUser(userName));
  }

  const groupScoped = (name: string, answer: (g: ReturnType<IamPeerState["group"]>) => string): TAnswer => {
    const group = state.groups.get(name);
    return group ? ok(answer(group)) : fail({ status: 404, code: "NoSuchEntity", message: `The group with name ${name} cannot be found.` });
  };

  const attachedPolicies = (arns: string[]) => arns.map((arn) => ({ arn, name: state.policies.get(arn)?.name ?? arn.split("/").pop()! }));

  async function dispatch(action: string, params: Record<string, string>, caller: TCaller): Promise<TAnswer> {
    const userName = params.UserName ?? caller.userName;
    switch (action) {
      case "GetUser":
        if (!userName) return fail(IAM_ERRORS.nonUserCredentials);
        return emulate({ ...params, UserName: userName });
      case "ListUsers":
        return listUsers(params);
      case "CreateAccessKey": {
        const ids = await emulateKeyIds(userName ?? "");
        if (!Array.isArray(ids)) return ids;
        // AWS counts Inactive keys too: two keys of any status and the third is refused.
        if (ids.length >= 2) return fail(IAM_ERRORS.keyLimit);
        const answer = await emulate({ ...params, UserName: userName! });
        const id = tag(answer.body, "AccessKeyId");
        if (answer.status === 200 && id) state.keys.set(id, { userName: userName!, secret: tag(answer.body, "SecretAccessKey")!, status: "Active", createDate: new Date(tag(answer.body, "CreateDate")!) });
        return answer;
      }
      case "ListAccessKeys": {
        const ids = await emulateKeyIds(userName ?? "");
        if (!Array.isArray(ids)) return ids;
        const keys = ids.map((id) => ({ accessKeyId: id, userName: userName!, status: state.keys.get(id)?.status ?? ("Active" as const), createDate: state.keys.get(id)?.createDate ?? new Date(0) }));
        return ok(recorded.listAccessKeys(userName!, keys));
      }
      case "UpdateAccessKey": {
        const missing = await keyOf(userName ?? "", params.AccessKeyId ?? "");
        if (missing) return missing;
        state.keys.get(params.AccessKeyId!)!.status = params.Status === "Inactive" ? "Inactive" : "Active";
        return ok(recorded.empty("UpdateAccessKey"));
      }
      case "DeleteAccessKey": {
        const missing = await keyOf(userName ?? "", params.AccessKeyId ?? "");
        if (missing) return missing;
        state.keys.delete(params.AccessKeyId!);
        return emulate({ ...params, UserName: userName! });
      }
      case "GetAccessKeyLastUsed": {
        const key = state.keys.get(params.AccessKeyId ?? "");
        if (!key || (await keyOf(key.userName, params.AccessKeyId!))) return fail(IAM_ERRORS.noSuchKey(params.AccessKeyId ?? ""));
        return ok(recorded.getAccessKeyLastUsed(key.userName, key.lastUsed));
      }
      case "ListUserTags":
        return userScoped(userName ?? "", () => recorded.listUserTags(state.tags.get(userName!) ?? []));
      case "ListUserPolicies":
        return userScoped(userName ?? "", () => recorded.listPolicyNames("ListUserPolicies", [...(state.userInline.get(userName!)?.keys() ?? [])]));
      case "GetUserPolicy": {
        const document = state.userInline.get(userName ?? "")?.get(params.PolicyName ?? "");
        if (document === undefined) return fail({ status: 404, code: "NoSuchEntity", message: `The user policy with name ${params.PolicyName} cannot be found.` });
        return ok(recorded.getInlinePolicy("GetUserPolicy", { field: "UserName", name: userName! }, params.PolicyName!, document));
      }
      case "ListAttachedUserPolicies":
        return userScoped(userName ?? "", () => recorded.listAttached("ListAttachedUserPolicies", attachedPolicies(state.userAttached.get(userName!) ?? [])));
      case "ListGroupsForUser":
        return userScoped(userName ?? "", () => recorded.listGroupsForUser([...state.groups.values()].filter((g) => g.members.has(userName!))));
      case "ListGroupPolicies":
        return groupScoped(params.GroupName ?? "", (g) => recorded.listPolicyNames("ListGroupPolicies", [...g.inline.keys()]));
      case "GetGroupPolicy": {
        const document = state.groups.get(params.GroupName ?? "")?.inline.get(params.PolicyName ?? "");
        if (document === undefined) return fail({ status: 404, code: "NoSuchEntity", message: `The group policy with name ${params.PolicyName} cannot be found.` });
        return ok(recorded.getInlinePolicy("GetGroupPolicy", { field: "GroupName", name: params.GroupName! }, params.PolicyName!, document));
      }
      case "ListAttachedGroupPolicies":
        return groupScoped(params.GroupName ?? "", (g) => recorded.listAttached("ListAttachedGroupPolicies", attachedPolicies(g.attached)));
      case "GetPolicy":
      case "GetPolicyVersion": {
        const policy = state.policies.get(params.PolicyArn ?? "");
        if (!policy || (action === "GetPolicyVersion" && params.VersionId !== policy.versionId)) return fail(IAM_ERRORS.noSuchPolicy(`Policy ${params.PolicyArn}`));
        const attachments = [...state.userAttached.values(), ...[...state.groups.values()].map((g) => g.attached)].flat().filter((a) => a === policy.arn).length;
        return ok(action === "GetPolicy" ? recorded.getPolicy({ ...policy, defaultVersionId: policy.versionId, attachments }) : recorded.getPolicyVersion(policy.document, policy.versionId, policy.createDate));
      }
      default:
        // CreateUser, DeleteUser, and whatever emulate answers InvalidAction for.
        return emulate(params);
    }
  }

  /** AWS's order: who is calling (key, token, expiry), then the signature, then throttling. */
  function authenticate(req: IncomingMessage, body: string): TCaller | TAnswer {
    const headers: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
    const token = req.headers["x-amz-security-token"];
    let session: ReturnType<typeof state.sessions.get>;
    const verdict = verifySigV4({ method: req.method ?? "POST", target: req.url ?? "/", headers, body }, (id) => {
      session = state.sessions.get(id);
      if (session) return session.token === token ? session.secret : undefined;
      const key = state.keys.get(id);
      // A deactivated key, or a long-term key sent with a session token, is not a valid token.
      return key?.status === "Active" && token === undefined ? key.secret : undefined;
    });
    if (!verdict.ok) return fail({ status: verdict.code === "IncompleteSignature" ? 400 : 403, code: verdict.code, message: verdict.message });
    if (session && session.expiresAt.getTime() <= Date.now()) return fail(IAM_ERRORS.expiredToken);
    const key = state.keys.get(verdict.auth.accessKeyId);
    if (key) key.lastUsed = { date: new Date(), service: "iam", region: verdict.auth.region };
    return { accessKeyId: verdict.auth.accessKeyId, userName: session ? session.userName : key?.userName };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const params = Object.fromEntries(new URLSearchParams(body));
    const action = params.Action ?? "";
    const caller = authenticate(req, body);
    const fault = "status" in caller ? undefined : state.takeFault(action);
    const answer = "status" in caller ? caller : fault ? fail(fault) : await dispatch(action, params, caller);
    state.requests.push({ action, params, accessKeyId: "status" in caller ? undefined : caller.accessKeyId, status: answer.status, code: answer.status >= 300 ? tag(answer.body, "Code") : undefined });
    res.writeHead(answer.status, { "content-type": "text/xml", "x-amzn-requestid": tag(answer.body, "RequestId") ?? "" });
    res.end(answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/xml" });
      res.end(recorded.errorResponse("ServiceFailure", String(error), "Receiver"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    accountId: PEER_ACCOUNT_ID,
    admin: PEER_ADMIN,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
    },
  };
}

export type TIamPeer = Awaited<ReturnType<typeof startIamPeer>>;
