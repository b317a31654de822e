import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import type { TCredentialRef } from "@/lib/connectors/contract";
import { fingerprintOf, hintOf } from "@/lib/connectors/fingerprint";
import { CONNECTORS } from "@/lib/connectors/registry";
import { resetEnvCache } from "@/lib/env";
import { createProviderOperation } from "@/lib/providers/operations";
import { executeOperation, type TOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { breakGlassOperation, decideWorkflowOperation, operateWorkflowOperation, requestWorkflowOperation, revealSecretOperation } from "@/lib/workflows/operations";
import type { TStepState } from "@/lib/workflows/state-machine";
import { plaintextHits, settle, WorkerSupervisor } from "@/lib/workflows/testing/fault-harness";
import { startPeer } from "@/lib/connectors/testing/peer";
import { createDeliveryTargetOperation } from "@/lib/delivery/operations";
import { startFaultProxy, type TFaultAction, type TFaultProxy, type TRule, type TSeen } from "@/lib/workflows/testing/fault-proxy";
import { writeReportPart } from "@/lib/workflows/testing/fault-report";
import { connectorKeys } from "@/lib/workflows/testing/workflow-fixture";

/**
 * The fault matrix of issue #13 (the test files are lib/workflows/faults/*.faults.test.ts): for
 * every provider step of every workflow, against the real peers, a provider error, a timeout and a
 * worker crash (a real `npm run worker` process SIGKILLed while the peer's answer is in flight) —
 * then a worker is started again and the invariants are checked: the old credential is revoked only
 * after the new one was verified and delivered; the workflow ends completed, failed with a reason,
 * or rolled back; nothing takes effect twice at the peer; no secret is anywhere in the database in
 * clear. Faults come from a proxy in front of each peer (fault-proxy.ts), never from app code.
 * PostgreSQL only: several processes share the database.
 */

export const STEP_ATTEMPTS = 2;

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let teamId: string;
let workers: WorkerSupervisor;
const rows: string[][] = [];

/** One test file's database, users and worker process; its table rows are saved for the report when it ends. */
/* eslint-disable no-restricted-properties -- a test harness: the suite's connector keys, shared with its worker processes */
export function faultSuite(part: string) {
  const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;
  beforeAll(async () => {
    if (inject("dbKind") !== "postgres") throw new Error("The fault suite runs on PostgreSQL only (TEST_DB=postgres): worker processes share the database.");
    process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
    resetEnvCache();
    database = await createTestDatabase();
    actors = await createRoleUsers(database.prisma);
    const team = await database.prisma.team.create({ data: { name: "Agents", slug: "agents" } });
    teamId = team.id;
    await database.prisma.teamMembership.create({ data: { userId: actors.owner.id, teamId } });
    actors.owner = { ...actors.owner, teamIds: [teamId] };
    workers = new WorkerSupervisor(workerEnv());
    await workers.start();
  });
  afterAll(async () => {
    await workers?.stop();
    await database?.dispose();
    process.env.TOKENWARD_CONNECTOR_KEYS = previousKeys;
    resetEnvCache();
    writeReportPart(part, rows);
  });
  return {
    get database() { return database; },
    get actors() { return actors; },
    get teamId() { return teamId; },
    get workers() { return workers; },
  };
}

export const workerEnv = () => ({ DATABASE_URL: database.url!, TOKENWARD_CONNECTOR_KEYS: process.env.TOKENWARD_CONNECTOR_KEYS!, TOKENWARD_STEP_ATTEMPTS: String(STEP_ATTEMPTS) });
/* eslint-enable no-restricted-properties */

/** A row of the concurrency / scale table (part "scale"). */
export const reportRow = (cells: string[]) => rows.push(cells);

export const run = <S extends z.ZodType, D, P>(op: TOperation<S, D, P>, actor: TActor, input: unknown) => executeOperation(database.prisma, op, actor, input);
export const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
};

/** One credential at the peer, filed in the inventory, owned by the team. */
export type TSubject = { credentialId: string; oldValue?: string; oldId?: string; secrets: string[]; active: (ref: { value?: string; externalId?: string }) => Promise<boolean> };

export type TCalls = {
  issue?: (s: TSeen) => boolean;
  verifyNew?: (s: TSeen, log: readonly TSeen[]) => boolean;
  /** The call the revoking_old faults hit. */
  revokeOld: (s: TSeen) => boolean;
  /** Every call that takes the old credential out of service (default: revokeOld). */
  revokesOld?: (s: TSeen) => boolean;
  verifyOld: (s: TSeen, log: readonly TSeen[]) => boolean;
  revokeNew?: (s: TSeen) => boolean;
  /** Secrets the peer's answer carried (an issued token or key), to look for in the database. */
  secretsIn?: (s: TSeen) => string[];
};

export type TPeerCase = {
  peer: string;
  kind: "rotation" | "revocation";
  proxy: TFaultProxy;
  providerId: string;
  subject: () => Promise<TSubject>;
  calls: (subject: TSubject) => TCalls;
  error: { status: number; contentType: string; body: string };
  /** Revoking twice is harmless (RFC 7009, AWS NoSuchEntity, GitHub 404): counts answers that changed something. */
  revokeTookEffect: (s: TSeen) => boolean;
  /** Rotations deliver the new secret to this signed-webhook target (a receiver behind its own fault proxy). */
  delivery?: { proxy: TFaultProxy; targetId: string };
};

const STEPS: Record<TPeerCase["kind"], TStepState[]> = {
  rotation: ["issuing_new", "verifying_new", "revoking_old", "verifying_old_revoked", "rolling_back"],
  revocation: ["revoking_old", "verifying_old_revoked"],
};
const FAULTS: TFaultAction[] = ["error", "timeout", "crash"];

function rulesFor(step: TStepState, fault: TFaultAction, calls: TCalls, error: TPeerCase["error"]): TRule[] {
  const times = fault === "error" ? Infinity : 1;
  const rule = (match: TRule["match"] | undefined): TRule => {
    if (!match) throw new Error(`no call to fault for ${step}`);
    return { match, action: fault, times, error };
  };
  switch (step) {
    case "issuing_new": return [rule(calls.issue)];
    case "verifying_new": return [rule(calls.verifyNew)];
    case "revoking_old": return [rule(calls.revokeOld)];
    case "verifying_old_revoked": return [rule(calls.verifyOld)];
    // Reaching the rollback: the new credential never verifies (error on every attempt); then the fault hits the rollback's revocation.
    // (Exactly the verify step's attempts: a rollback may look the new credential up again, as AWS's revoke does.)
    case "rolling_back": return [{ match: calls.verifyNew!, action: "error", times: STEP_ATTEMPTS, error }, rule(calls.revokeNew)];
    // The webhook receiver's proxy: its only calls are deliveries.
    case "delivering": return [rule(() => true)];
    default: throw new Error(`no provider call in ${step}`);
  }
}

async function scenario(c: TPeerCase, step: TStepState, fault: TFaultAction): Promise<void> {
  const t0 = Date.now();
  const startsBefore = workers.starts;
  const subject = await c.subject();
  const calls = c.calls(subject);
  c.proxy.reset();
  c.delivery?.proxy.reset();
  // Delivery faults hit the webhook receiver's proxy; every other step's, the peer's.
  const faulted = step === "delivering" ? c.delivery!.proxy : c.proxy;
  let newValue: string | undefined;
  let wid: string;
  if (c.kind === "rotation") {
    wid = ok(await run(requestWorkflowOperation, actors.security, { credentialId: subject.credentialId, kind: "rotation", reason: `fault ${step} ${fault}`, ...(subject.oldValue ? { currentValue: subject.oldValue } : {}), ...(c.delivery ? { deliveryTargetId: c.delivery.targetId } : {}) })).id;
    faulted.arm(...rulesFor(step, fault, calls, c.error));
    ok(await run(decideWorkflowOperation, actors.owner, { workflowId: wid, decision: "approve" }));
  } else {
    c.proxy.arm(...rulesFor(step, fault, calls, c.error));
    wid = ok(await run(breakGlassOperation, actors.security, { credentialId: subject.credentialId, reason: `fault ${step} ${fault} drill`, ...(subject.oldValue ? { currentValue: subject.oldValue } : {}) })).id;
  }
  const settled = await settle({
    prisma: database.prisma,
    workflowId: wid,
    workers,
    proxy: faulted,
    crashOnHold: fault === "crash",
    onCutover: async () => {
      const delivered = c.delivery?.proxy.log.find((s) => s.status !== null && s.status < 300);
      // Delivered to the webhook: nothing to reveal (Tokenward already let its copy go); the receiver has it.
      if (delivered) newValue = (JSON.parse(delivered.body) as { secret: string }).secret;
      else newValue = ok(await run(revealSecretOperation, actors.owner, { workflowId: wid })).secret;
      ok(await run(operateWorkflowOperation, actors.owner, { workflowId: wid, action: "confirm_cutover" }));
    },
  });
  const w = await database.prisma.workflow.findUniqueOrThrow({ where: { id: wid } });
  const events = await database.prisma.workflowEvent.findMany({ where: { workflowId: wid }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const log = [...c.proxy.log];
  const problems: string[] = [];

  // 1. How it ended.
  const lastError = (w.lastError as { message?: string; step?: string } | null) ?? null;
  const ended = w.state === "completed" || w.state === "rolled_back" || (w.state === "failed" && Boolean(lastError?.message) && Boolean(w.failedStep));
  if (!ended) problems.push(`ended ${w.state} without a reason`);
  const outcome = w.state === "failed" ? `failed at ${w.failedStep}: ${shorten(lastError?.message ?? "")}` : w.state === "rolled_back" ? "rolled back" : w.state;

  // 2. The old credential: revoked at the peer only after the new one was verified and delivered.
  const revokesOld = calls.revokesOld ?? calls.revokeOld;
  const revokedOldAt = log.find((s) => revokesOld(s) && s.status !== null)?.at ?? null;
  let ordering = "n/a (revocation)";
  if (c.kind === "rotation") {
    const verified = events.find((e) => e.type === "step_done" && e.fromState === "verifying_new")?.at.getTime() ?? null;
    const delivered = (w.secretRevealedAt ?? w.deliveredAt)?.getTime() ?? null;
    if (revokedOldAt === null) ordering = "old never revoked ✓";
    else if (verified !== null && delivered !== null && verified <= revokedOldAt && delivered <= revokedOldAt) ordering = "✓";
    else {
      ordering = "✗";
      problems.push("the old credential was revoked before the new one was verified and delivered");
    }
  }
  const oldActive = await subject.active({ value: subject.oldValue, externalId: subject.oldId });
  if (w.state === "completed" && oldActive) problems.push("completed, but the old credential is still active at the peer");
  if (c.kind === "rotation" && revokedOldAt === null && !oldActive) problems.push("the old credential is not active at the peer, yet nobody revoked it");
  if (w.state === "completed" && c.kind === "rotation") {
    const newId = w.newExternalId ?? undefined;
    if (!(await subject.active({ value: newValue, externalId: newId }))) problems.push("completed, but the new credential is not active at the peer");
  }
  if (w.state === "rolled_back" && oldActive === false) problems.push("rolled back, but the old credential is gone");

  // 3. Nothing took effect twice at the peer.
  const issued = calls.issue ? log.filter((s) => calls.issue!(s) && s.status !== null && s.status < 300).length : 0;
  const revokedOld = log.filter((s) => calls.revokeOld(s) && c.revokeTookEffect(s)).length;
  const revokeCalls = log.filter((s) => calls.revokeOld(s) && s.status !== null).length;
  if (issued > 1) problems.push(`issued ${issued} credentials at the peer`);
  if (revokedOld > 1) problems.push(`the old credential's revocation took effect ${revokedOld} times`);
  // Webhook delivery is at-least-once (a lost answer is retried; the payload's workflowId lets the receiver dedupe).
  const deliveries = c.delivery ? c.delivery.proxy.log.filter((s) => s.status !== null && s.status < 300).length : 0;
  const effects = `${c.kind === "rotation" ? `issued ${issued} · ` : ""}${c.delivery ? `delivered ${deliveries} · ` : ""}old revoked ${revokedOld}${revokeCalls > revokedOld ? ` (${revokeCalls} calls)` : ""}`;

  // 4. No secret in clear anywhere in the database, including one the peer issued while its answer was lost.
  const delivered = (c.delivery?.proxy.log ?? []).map((s) => (JSON.parse(s.body) as { secret: string }).secret);
  const secrets = [...subject.secrets, ...(newValue ? [newValue] : []), ...delivered, ...log.flatMap((s) => calls.secretsIn?.(s) ?? [])];
  const hits = await plaintextHits(database.prisma, secrets);
  if (hits.length) problems.push(`secrets in clear in ${hits.join(", ")}`);
  if (w.state !== "awaiting_cutover" && (w.pendingSecret || w.oldSecret) && w.state !== "failed") problems.push("a sealed secret outlived its workflow");

  rows.push([c.peer, c.kind, step, fault, outcome, ordering, effects, hits.length ? `✗ ${hits.join(", ")}` : "none ✓", String(workers.starts - startsBefore + (settled.crashes ? 0 : 0)), ((Date.now() - t0) / 1000).toFixed(1)]);
  expect(problems, `${c.peer} ${c.kind} ${step} ${fault}\n${workers.current?.logTail() ?? ""}`).toEqual([]);
  if (fault === "crash") expect(settled.crashes).toBe(1);
}

const shorten = (text: string) => (text.length > 110 ? `${text.slice(0, 107)}…` : text).replace(/\|/g, "/");
export const form = (s: TSeen) => new URLSearchParams(s.body);
const tokenIn = (s: TSeen) => form(s).get("token");
const jsonField = (body: string, field: string): string[] => {
  try {
    const v = (JSON.parse(body) as Record<string, unknown>)[field];
    return typeof v === "string" ? [v] : [];
  } catch {
    return [];
  }
};

/** OAuth peers: issue = client credentials at the token endpoint, verify = introspection, revoke = RFC 7009. */
function oauthCalls(subject: TSubject): TCalls {
  const isToken = (s: TSeen) => s.method === "POST" && /\/token$/.test(s.path.split("?")[0]!) && form(s).get("grant_type") === "client_credentials";
  const isIntrospect = (s: TSeen) => s.method === "POST" && /introspect/.test(s.path);
  const isRevoke = (s: TSeen) => s.method === "POST" && /revo/.test(s.path);
  return {
    issue: isToken,
    verifyNew: (s) => isIntrospect(s) && tokenIn(s) !== subject.oldValue,
    verifyOld: (s) => isIntrospect(s) && tokenIn(s) === subject.oldValue,
    revokeOld: (s) => isRevoke(s) && tokenIn(s) === subject.oldValue,
    revokeNew: (s) => isRevoke(s) && tokenIn(s) !== subject.oldValue,
    secretsIn: (s) => (isToken(s) ? jsonField(s.peerBody, "access_token") : []),
  };
}

let providers = 0;
export async function oauthCase(peer: string, kind: TPeerCase["kind"], issuer: string, client: { clientId: string; clientSecret: string }, resource: string): Promise<TPeerCase> {
  const proxy = await startFaultProxy(issuer);
  const created = await run(createProviderOperation, actors.admin, {
    type: "oauth",
    name: `${peer} ${kind} ${++providers} (through the fault proxy)`,
    config: { issuer: proxy.url, clientId: client.clientId, defaultResource: resource },
    secret: { clientSecret: client.clientSecret },
  });
  const providerId = ok(created).id;
  const direct = { config: { issuer, clientId: client.clientId, tokenEndpointAuth: "client_secret_basic", defaultResource: resource, introspectionAuth: "client_secret" }, secret: { clientSecret: client.clientSecret } };
  const caps = CONNECTORS.oauth.capabilities;
  const active = async (ref: { value?: string }) => {
    if (!ref.value || !caps.verify.supported) return false;
    return (await caps.verify.run(direct, { value: ref.value, kind: "oauth_access_token" } as TCredentialRef)).active;
  };
  return {
    peer,
    kind,
    proxy,
    providerId,
    error: { status: 503, contentType: "application/json", body: JSON.stringify({ error: "temporarily_unavailable", error_description: "injected by the fault proxy" }) },
    revokeTookEffect: (s) => s.status === 200 && !s.fault,
    calls: oauthCalls,
    subject: async () => {
      if (!caps.issue.supported) throw new Error("issue unsupported");
      const issued = await caps.issue.run(direct, { scopes: ["inventory:read"], resource });
      const credential = await database.prisma.credential.create({
        data: { name: `${peer} agent token`, kind: "oauth_access_token", providerId, fingerprint: fingerprintOf(issued.value), hint: hintOf(issued.value), scopes: ["inventory:read"], audiences: [resource], expiresAt: issued.expiresAt ?? null, ownerId: actors.owner.id, teamId, source: "manual" },
      });
      return { credentialId: credential.id, oldValue: issued.value, secrets: [issued.value], active };
    },
  };
}

/** A signed-webhook receiver behind its own fault proxy, as the case's delivery target. */
export async function withDelivery(c: TPeerCase): Promise<TPeerCase & { closeReceiver: () => Promise<void> }> {
  const receiver = await startPeer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(204);
      res.end();
    });
  });
  const proxy = await startFaultProxy(receiver.url);
  const target = ok(await run(createDeliveryTargetOperation, actors.admin, { name: "vault sync (through the fault proxy)", url: `${proxy.url}/hooks/tokenward` }));
  return { ...c, peer: `${c.peer} + webhook`, delivery: { proxy, targetId: target.id }, closeReceiver: receiver.close };
}

export function matrix(name: string, make: () => Promise<TPeerCase>, close?: () => Promise<void>, steps?: TStepState[]) {
  describe(name, () => {
    let c: TPeerCase | undefined;
    beforeAll(async () => {
      c = await make();
    });
    afterAll(async () => {
      await c?.proxy.close();
      await c?.delivery?.proxy.close();
      await close?.();
    });
    const kind = name.includes("revocation") ? "revocation" : "rotation";
    for (const step of steps ?? STEPS[kind]) {
      for (const fault of FAULTS) {
        it(`${step} × ${fault}`, async () => scenario(c!, step, fault));
      }
    }
  });
}

