import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { startPeer } from "@/lib/connectors/testing/peer";
import { createDeliveryTargetOperation, deleteDeliveryTargetOperation } from "@/lib/delivery/operations";
import { verifyDelivery } from "@/lib/delivery/signature";
import { resetEnvCache } from "@/lib/env";
import { executeOperation, type TOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { decideWorkflowOperation, operateWorkflowOperation, requestWorkflowOperation, revealSecretOperation } from "@/lib/workflows/operations";
import { advanceWorkflow } from "@/lib/workflows/services/advance-workflow";
import { activeAtPeer, connectedProvider, connectorKeys, realToken } from "@/lib/workflows/testing/workflow-fixture";

/**
 * A rotation's new secret delivered to a signed webhook: the receiver (started here) checks the
 * signature as the docs tell receivers to; a receiver that fails for a while is retried; one that
 * refuses or redirects makes the rotation roll back, the old credential untouched.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let oauth: Awaited<ReturnType<typeof startOAuthPeer>>;
let receiver: Awaited<ReturnType<typeof startPeer>>;
let providerId: string;
const received: { body: string; signature: string | undefined }[] = [];
let answers: number[] = [];
const saved = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  oauth = await startOAuthPeer();
  providerId = await connectedProvider(database.prisma, actors.admin, oauth.issuer);
  receiver = await startPeer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ body, signature: req.headers["tokenward-signature"] as string | undefined });
      const status = answers.shift() ?? 204;
      if (status === 302) res.writeHead(302, { location: "https://attacker.example/steal" });
      else res.writeHead(status);
      res.end(status >= 400 ? "receiver says no" : "");
    });
  });
});
afterAll(async () => {
  await receiver?.close();
  await oauth?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = saved;
  resetEnvCache();
});
beforeEach(() => {
  received.length = 0;
  answers = [];
});

const run = <S extends z.ZodType, D, P>(op: TOperation<S, D, P>, actor: TActor, input: unknown) => executeOperation(database.prisma, op, actor, input);
let targets = 0;
async function target() {
  const r = await run(createDeliveryTargetOperation, actors.admin, { name: `vault sync ${++targets}`, url: `${receiver.url}/hooks/tokenward` });
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}
async function approvedRotation(deliveryTargetId: string) {
  const { credential, value } = await realToken(database.prisma, oauth.issuer, providerId, { ownerId: actors.owner.id });
  const w = await run(requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "rotation", currentValue: value, deliveryTargetId });
  if (!w.ok) throw new Error(w.error.message);
  const approved = await run(decideWorkflowOperation, actors.owner, { workflowId: w.data.id, decision: "approve" });
  if (!approved.ok) throw new Error(approved.error.message);
  return { workflowId: w.data.id, credential, oldValue: value };
}

describe("delivery to a signed webhook", () => {
  it("delivers the new secret signed; Tokenward lets it go once verified; cut-over needs no reveal", async () => {
    const t = await target();
    expect(t.signingSecret).toMatch(/^whsec_/);
    const { workflowId, oldValue } = await approvedRotation(t.id);
    expect((await advanceWorkflow(database.prisma, workflowId)).state).toBe("awaiting_cutover");
    expect(received).toHaveLength(1);
    const delivery = received[0]!;
    expect(verifyDelivery(t.signingSecret, delivery.body, delivery.signature)).toBe(true);
    const payload = JSON.parse(delivery.body) as { event: string; secret: string; workflowId: string };
    expect(payload).toMatchObject({ event: "credential.rotated", workflowId });
    expect(await activeAtPeer(oauth.issuer, payload.secret)).toBe(true);
    const w = await database.prisma.workflow.findUniqueOrThrow({ where: { id: workflowId } });
    expect(w).toMatchObject({ pendingSecret: null, deliveredAt: expect.any(Date), secretRevealedAt: null });
    const reveal = await run(revealSecretOperation, actors.owner, { workflowId });
    expect(!reveal.ok && reveal.error.message).toMatch(/delivered to vault sync/);
    expect((await run(operateWorkflowOperation, actors.owner, { workflowId, action: "confirm_cutover" })).ok).toBe(true);
    expect((await advanceWorkflow(database.prisma, workflowId)).state).toBe("completed");
    expect(await activeAtPeer(oauth.issuer, oldValue)).toBe(false);
    // The secret went to the receiver and nowhere Tokenward writes.
    const written = JSON.stringify(await Promise.all([database.prisma.workflow.findMany(), database.prisma.workflowEvent.findMany(), database.prisma.auditEvent.findMany(), database.prisma.deliveryTarget.findMany()]), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(written).not.toContain(payload.secret);
    expect(written).not.toContain(t.signingSecret);
  });

  it("a receiver failing for a while is retried; one that refuses or redirects rolls the rotation back, the old one untouched", async () => {
    const t = await target();
    const flaky = await approvedRotation(t.id);
    answers = [503, 503];
    let now = Date.now();
    const clock = () => new Date(now);
    await advanceWorkflow(database.prisma, flaky.workflowId, { now: clock, backoffMs: 1000 });
    for (let i = 0; i < 3; i++) {
      now += 60_000;
      await advanceWorkflow(database.prisma, flaky.workflowId, { now: clock, backoffMs: 1000 });
    }
    expect(await database.prisma.workflow.findUniqueOrThrow({ where: { id: flaky.workflowId } })).toMatchObject({ state: "awaiting_cutover", deliveredAt: expect.any(Date) });
    expect(received).toHaveLength(3);

    for (const status of [400, 302]) {
      received.length = 0;
      const refused = await approvedRotation(t.id);
      answers = [status];
      expect((await advanceWorkflow(database.prisma, refused.workflowId)).state).toBe("rolled_back");
      const w = await database.prisma.workflow.findUniqueOrThrow({ where: { id: refused.workflowId } });
      expect(w.pendingSecret).toBeNull();
      const secret = (JSON.parse(received[0]!.body) as { secret: string }).secret;
      expect(await activeAtPeer(oauth.issuer, secret)).toBe(false);
      expect(await activeAtPeer(oauth.issuer, refused.oldValue)).toBe(true);
      const failure = await database.prisma.workflowEvent.findFirstOrThrow({ where: { workflowId: refused.workflowId, type: "step_failed" } });
      expect(JSON.stringify(failure.detail)).toMatch(status === 302 ? /not followed/ : /HTTP 400/);
    }
  });

  it("only admins manage targets; bad URLs are refused; a used target cannot be deleted", async () => {
    const denied = await run(createDeliveryTargetOperation, actors.security, { name: "x", url: "https://example.test/h" });
    expect(!denied.ok && denied.error.code).toBe("FORBIDDEN");
    for (const [url, message] of [
      ["http://vault.internal/hook", /https only/],
      ["https://user:pass@vault.internal/hook", /no credentials in the URL/],
      ["ftp://vault.internal/hook", /https only/],
      ["not a url", /must be a URL/],
    ] as const) {
      const r = await run(createDeliveryTargetOperation, actors.admin, { name: `bad ${url}`, url });
      expect(!r.ok && [r.error.code, r.error.message]).toEqual(["VALIDATION", expect.stringMatching(message)]);
    }
    const t = await target();
    const dup = await run(createDeliveryTargetOperation, actors.admin, { name: `vault sync ${targets}`, url: `${receiver.url}/x` });
    expect(!dup.ok && dup.error.code).toBe("CONFLICT");
    await approvedRotation(t.id);
    const del = await run(deleteDeliveryTargetOperation, actors.admin, { id: t.id });
    expect(!del.ok && del.error.message).toMatch(/disable it instead/);
    // A revocation cannot name a delivery target.
    const { credential, value } = await realToken(database.prisma, oauth.issuer, providerId, { ownerId: actors.owner.id });
    const wrong = await run(requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "revocation", currentValue: value, deliveryTargetId: t.id });
    expect(!wrong.ok && wrong.error.message).toMatch(/Only a rotation/);
  });
});
