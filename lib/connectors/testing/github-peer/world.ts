import { createHmac, createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import type { TAccessRequestSpec, TAppSpec, TInstallationSpec, TPatSpec, TPermissionSet, TUserSpec } from "./objects";
import { PatStore } from "./pat-store";

/**
 * The fake GitHub's state: apps with their registered public keys, organisations with repositories,
 * installations, fine-grained PAT grants and access requests, and the installation tokens it
 * minted. Tests arrange it directly (what a person would do on github.com); the connector changes
 * it only through the HTTP API.
 */

export type TOrg = { spec: TUserSpec; repos: { name: string; id: number }[]; pats: PatStore; requests: Map<number, TAccessRequestSpec> };
export type TInstallationToken = { installationId: number; permissions: Record<string, string>; repositories: string[] | null; expiresAt: number; revoked: boolean };

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const base62 = (bytes: Buffer, length: number) => Array.from(bytes.subarray(0, length), (b) => ALPHABET[b % 62]).join("");
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
const DAY = 86_400_000;

export const PAT_TEMPLATES: TPermissionSet[] = [
  { repository: { metadata: "read", contents: "read" } },
  { repository: { metadata: "read", contents: "write", pull_requests: "write" } },
  { organization: { members: "read" }, repository: { metadata: "read", issues: "write" } },
  { organization: { organization_administration: "write" }, repository: { metadata: "read", administration: "write", secrets: "write" } },
];

export class GithubWorld {
  /** Moves the fake's clock (App JWT windows, expiry) without touching the test process's. */
  clockOffsetMs = 0;
  readonly apps = new Map<number, { spec: TAppSpec; publicKey: KeyObject }>();
  readonly orgs = new Map<string, TOrg>();
  readonly installations = new Map<number, TInstallationSpec>();
  readonly tokens = new Map<string, TInstallationToken>();
  /** Token ids revoked outright (POST /credentials/revoke): every grant of theirs is gone. */
  readonly deadTokenIds = new Set<number>();
  /** Access-request decisions as GitHub recorded them (action and the reason given). */
  readonly reviews: { org: string; requestId: number; action: "approve" | "deny"; reason: string | null }[] = [];
  /** The bulk revoke answers 202 and acts later; this is how much later. */
  bulkRevokeDelayMs = 0;
  private readonly pendingRevokes = new Set<() => void>();
  private readonly patSecret = randomBytes(32);
  private readonly epoch = Date.now();
  private nextId = 1000;

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  id(count = 1): number {
    const first = this.nextId;
    this.nextId += count;
    return first;
  }

  createApp(options: { publicKey: KeyObject | string; slug?: string; permissions?: Record<string, string> }): TAppSpec {
    const id = this.id();
    const slug = options.slug ?? `tokenward-${id}`;
    const spec: TAppSpec = {
      id,
      slug,
      name: `Tokenward ${id}`,
      clientId: `Iv23li${base62(randomBytes(14), 14)}`,
      owner: { login: "tokenward-dev", id: 9_000_001, email: null, type: "Organization" },
      permissions: options.permissions ?? { organization_personal_access_tokens: "write", organization_personal_access_token_requests: "write", metadata: "read", contents: "read" },
      createdAt: iso(this.epoch - 30 * DAY),
    };
    this.apps.set(id, { spec, publicKey: typeof options.publicKey === "string" ? createPublicKey(options.publicKey) : options.publicKey });
    return spec;
  }

  createOrg(login: string, repos: string[] = ["api", "web", "infra"]): TOrg {
    if (this.orgs.has(login.toLowerCase())) throw new Error(`org ${login} exists`);
    const org: TOrg = {
      spec: { login, id: this.id(), email: null, type: "Organization" },
      repos: repos.map((name) => ({ name, id: this.id() })),
      pats: new PatStore(),
      requests: new Map(),
    };
    this.orgs.set(login.toLowerCase(), org);
    return org;
  }

  org(login: string): TOrg | undefined {
    return this.orgs.get(login.toLowerCase());
  }

  install(appId: number, orgLogin: string, permissions?: Record<string, string>): TInstallationSpec {
    const app = this.apps.get(appId);
    const org = this.org(orgLogin);
    if (!app || !org) throw new Error("unknown app or org");
    const spec: TInstallationSpec = { id: this.id(), appId, org: org.spec, permissions: permissions ?? app.spec.permissions, repositorySelection: "all", createdAt: iso(this.epoch - 20 * DAY) };
    this.installations.set(spec.id, spec);
    return spec;
  }

  installationOf(appId: number, orgLogin: string): TInstallationSpec | undefined {
    return [...this.installations.values()].find((i) => i.appId === appId && i.org.login.toLowerCase() === orgLogin.toLowerCase());
  }

  /** The token a person copies from github.com: `github_pat_` + 82 characters, as GitHub's are. */
  patValue(tokenId: number): string {
    const mac = createHmac("sha256", this.patSecret).update(`pat:${tokenId}`).digest();
    const mac2 = createHmac("sha256", this.patSecret).update(`pat2:${tokenId}`).digest();
    return `github_pat_${tokenId.toString(36).padStart(11, "0")}${base62(mac, 11)}_${base62(Buffer.concat([mac2, mac]), 59)}`;
  }

  /** The token id a PAT value names, when this fake made it. */
  tokenIdOf(value: string): number | undefined {
    const match = /^github_pat_([0-9a-z]{11})/.exec(value);
    if (!match) return undefined;
    const tokenId = parseInt(match[1]!, 36);
    return this.patValue(tokenId) === value ? tokenId : undefined;
  }

  addPat(orgLogin: string, pat: Partial<Omit<TPatSpec, "grantId" | "tokenId">> & { owner: TUserSpec }): TPatSpec & { value: string } {
    const org = this.org(orgLogin)!;
    const spec: TPatSpec = {
      grantId: this.id(),
      tokenId: this.id(),
      tokenName: pat.tokenName ?? "automation",
      permissions: pat.permissions ?? PAT_TEMPLATES[0]!,
      repositorySelection: pat.repositorySelection ?? "all",
      accessGrantedAt: pat.accessGrantedAt ?? iso(this.now() - DAY),
      expiresAt: pat.expiresAt === undefined ? iso(this.now() + 30 * DAY) : pat.expiresAt,
      lastUsedAt: pat.lastUsedAt === undefined ? null : pat.lastUsedAt,
      owner: pat.owner,
    };
    org.pats.add(spec);
    return { ...spec, value: this.patValue(spec.tokenId) };
  }

  /**
   * `count` grants derived from their index, held as no objects at all: owners cycle through 400
   * people (a third with a public e-mail), permissions through PAT_TEMPLATES, some never expire,
   * a few have expired, a quarter were never used.
   */
  generatePats(orgLogin: string, count: number): { firstGrantId: number; firstTokenId: number } {
    const org = this.org(orgLogin)!;
    const firstGrantId = this.id(count);
    const firstTokenId = this.id(count);
    const base = this.epoch;
    org.pats.addGenerated(firstGrantId, firstTokenId, count, (i) => {
      const n = i % 400;
      return {
        grantId: firstGrantId + i,
        tokenId: firstTokenId + i,
        owner: { login: `dev-${n}`, id: 500_000 + n, email: n % 3 === 0 ? `dev-${n}@example.test` : null },
        tokenName: `automation ${i}`,
        permissions: PAT_TEMPLATES[i % PAT_TEMPLATES.length]!,
        repositorySelection: (["all", "subset", "none"] as const)[i % 3]!,
        accessGrantedAt: iso(base - 400 * DAY + i * 1000),
        expiresAt: i % 5 === 0 ? null : iso(base + ((i % 365) - 10) * DAY),
        lastUsedAt: i % 4 === 0 ? null : iso(base - (i % 90) * DAY),
      };
    });
    return { firstGrantId, firstTokenId };
  }

  addAccessRequest(orgLogin: string, request: Partial<Omit<TAccessRequestSpec, "requestId" | "tokenId">> & { owner: TUserSpec }): TAccessRequestSpec & { value: string } {
    const org = this.org(orgLogin)!;
    const spec: TAccessRequestSpec = {
      requestId: this.id(),
      tokenId: this.id(),
      owner: request.owner,
      tokenName: request.tokenName ?? "needs access",
      permissions: request.permissions ?? PAT_TEMPLATES[1]!,
      repositorySelection: request.repositorySelection ?? "subset",
      reason: request.reason === undefined ? "CI deploys" : request.reason,
      createdAt: request.createdAt ?? iso(this.now() - 3_600_000),
      expiresAt: request.expiresAt === undefined ? iso(this.now() + 60 * DAY) : request.expiresAt,
      lastUsedAt: request.lastUsedAt ?? null,
    };
    org.requests.set(spec.requestId, spec);
    return { ...spec, value: this.patValue(spec.tokenId) };
  }

  /** An approved request becomes a grant with a new id, as on GitHub. */
  approve(org: TOrg, requestId: number): TPatSpec | undefined {
    const request = org.requests.get(requestId);
    if (!request) return undefined;
    org.requests.delete(requestId);
    if (this.deadTokenIds.has(request.tokenId)) return undefined;
    const { requestId: _r, reason: _why, createdAt: _c, ...rest } = request;
    const grant: TPatSpec = { ...rest, grantId: this.id(), accessGrantedAt: iso(this.now()) };
    org.pats.add(grant);
    return grant;
  }

  /** POST /credentials/revoke with a PAT's value: the token dies everywhere. */
  killPat(value: string): boolean {
    const tokenId = this.tokenIdOf(value);
    if (tokenId === undefined) return false;
    this.deadTokenIds.add(tokenId);
    for (const org of this.orgs.values()) {
      const grantId = org.pats.grantIdOfToken(tokenId);
      if (grantId !== undefined) org.pats.remove(grantId);
      for (const [id, request] of org.requests) if (request.tokenId === tokenId) org.requests.delete(id);
    }
    return true;
  }

  /** What GitHub does some time after POST /orgs/{org}/personal-access-tokens answered 202. */
  scheduleBulkRevoke(org: TOrg, grantIds: number[]): void {
    const apply = () => {
      this.pendingRevokes.delete(apply);
      clearTimeout(timer);
      grantIds.forEach((id) => org.pats.remove(id));
    };
    const timer = setTimeout(apply, this.bulkRevokeDelayMs);
    timer.unref();
    this.pendingRevokes.add(apply);
  }

  /** Lets the accepted bulk revocations happen now. */
  settleBulkRevokes(): void {
    for (const apply of [...this.pendingRevokes]) apply();
  }

  mintInstallationToken(installationId: number, permissions: Record<string, string>, repositories: string[] | null): { token: string; expiresAt: number } {
    const token = `ghs_${base62(randomBytes(36), 36)}`;
    // One hour, to the second (GitHub states it in whole seconds).
    const expiresAt = Math.floor((this.now() + 3_600_000) / 1000) * 1000;
    this.tokens.set(token, { installationId, permissions, repositories, expiresAt, revoked: false });
    return { token, expiresAt };
  }

  liveTokens(installationId?: number): number {
    const now = this.now();
    return [...this.tokens.values()].filter((t) => !t.revoked && t.expiresAt > now && (installationId === undefined || t.installationId === installationId)).length;
  }
}
