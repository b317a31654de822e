import { randomBytes } from "node:crypto";

/**
 * What the IAM peer's front keeps beside `emulate`. emulate stays the record of which users and
 * access keys exist; the front keeps what emulate has no notion of: each key's secret (to verify
 * signatures), status (UpdateAccessKey), creation and last-use time, temporary sessions, and the
 * tags, groups and policies a test gives a user (IAM operations emulate does not implement).
 */

export const PEER_ACCOUNT_ID = "123456789012";
/** emulate's seeded "admin" user and its access key (emulate's seedDefaults, AWS's documented example key). */
export const PEER_ADMIN = { userName: "admin", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

export type TLastUse = { date: Date; service: string; region: string };
export type TPeerKey = { userName: string; secret: string; status: "Active" | "Inactive"; createDate: Date; lastUsed?: TLastUse };
export type TPeerSession = { secret: string; token: string; expiresAt: Date; userName?: string };
export type TPeerPolicy = { name: string; arn: string; id: string; document: string; versionId: string; createDate: Date };
export type TPeerGroup = { name: string; id: string; arn: string; createDate: Date; members: Set<string>; inline: Map<string, string>; attached: string[] };
export type TPeerFault = { action?: string; status: number; code: string; message: string; remaining: number };
export type TPeerRequest = { action: string; params: Record<string, string>; accessKeyId?: string; status: number; code?: string };

const awsId = (prefix: string) => prefix + randomBytes(10).toString("hex").toUpperCase().slice(0, 17);

export class IamPeerState {
  readonly keys = new Map<string, TPeerKey>();
  readonly sessions = new Map<string, TPeerSession>();
  readonly tags = new Map<string, { key: string; value: string }[]>();
  readonly userInline = new Map<string, Map<string, string>>();
  readonly userAttached = new Map<string, string[]>();
  readonly groups = new Map<string, TPeerGroup>();
  readonly policies = new Map<string, TPeerPolicy>();
  readonly faults: TPeerFault[] = [];
  /** Every request the front answered, by action; parameters only (requests carry no secret). */
  readonly requests: TPeerRequest[] = [];

  constructor(startedAt: Date) {
    this.keys.set(PEER_ADMIN.accessKeyId, { userName: PEER_ADMIN.userName, secret: PEER_ADMIN.secretAccessKey, status: "Active", createDate: startedAt });
  }

  setTags(userName: string, tags: Record<string, string>): void {
    this.tags.set(userName, Object.entries(tags).map(([key, value]) => ({ key, value })));
  }

  putUserPolicy(userName: string, policyName: string, document: object): void {
    const inline = this.userInline.get(userName) ?? new Map<string, string>();
    inline.set(policyName, JSON.stringify(document));
    this.userInline.set(userName, inline);
  }

  /** A customer-managed policy (or, with `aws: true`, one of AWS's under arn:aws:iam::aws:policy/). */
  createPolicy(name: string, document: object, options: { aws?: boolean; versionId?: string } = {}): string {
    const arn = options.aws ? `arn:aws:iam::aws:policy/${name}` : `arn:aws:iam::${PEER_ACCOUNT_ID}:policy/${name}`;
    this.policies.set(arn, { name, arn, id: awsId("ANPA"), document: JSON.stringify(document), versionId: options.versionId ?? "v1", createDate: new Date() });
    return arn;
  }

  attachUserPolicy(userName: string, arn: string): void {
    this.userAttached.set(userName, [...(this.userAttached.get(userName) ?? []), arn]);
  }

  group(name: string): TPeerGroup {
    let group = this.groups.get(name);
    if (!group) {
      group = { name, id: awsId("AGPA"), arn: `arn:aws:iam::${PEER_ACCOUNT_ID}:group/${name}`, createDate: new Date(), members: new Set(), inline: new Map(), attached: [] };
      this.groups.set(name, group);
    }
    return group;
  }

  /** AWS records a key's last use on its own; tests that need an older use (or another service) set it. */
  recordUse(accessKeyId: string, use: TLastUse): void {
    const key = this.keys.get(accessKeyId);
    if (!key) throw new Error(`the peer does not know ${accessKeyId}`);
    key.lastUsed = use;
  }

  /** Temporary credentials as STS would hand them out (ASIA… id, secret, session token). */
  issueSession(options: { userName?: string; expiresInMs: number }): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
    const accessKeyId = `ASIA${randomBytes(8).toString("hex").toUpperCase()}`;
    const secretAccessKey = randomBytes(30).toString("base64");
    const sessionToken = randomBytes(64).toString("base64");
    this.sessions.set(accessKeyId, { secret: secretAccessKey, token: sessionToken, expiresAt: new Date(Date.now() + options.expiresInMs), userName: options.userName });
    return { accessKeyId, secretAccessKey, sessionToken };
  }

  /** The next `times` requests (of `action`, or any) get this AWS error instead of an answer. */
  failNext(error: { status: number; code: string; message: string }, times = 1, action?: string): void {
    this.faults.push({ ...error, action, remaining: times });
  }

  takeFault(action: string): TPeerFault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (f.action === undefined || f.action === action));
    if (fault) fault.remaining--;
    return fault;
  }

  requestsOf(action: string): TPeerRequest[] {
    return this.requests.filter((r) => r.action === action);
  }
}
