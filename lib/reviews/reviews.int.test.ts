import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { resetEnvCache } from "@/lib/env";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { connectorKeys } from "@/lib/workflows/testing/workflow-fixture";
import { attestItemsOperation, closeCampaignOperation, createCampaignOperation, remindReviewersOperation } from "./operations";
import { markOverdue } from "./services/mark-overdue";
import { getCampaignDetail, listCampaigns } from "./queries";

/**
 * An access review campaign's whole life against a real database: launched from an inventory filter
 * (scope frozen), assigned to owners / the team / the orphan reviewer, attested one by one and in
 * bulk (only one's own items), reminded, marked overdue, closed (requests through the workflows'
 * request service, one close of two concurrent ones), and every hostile input refused with nothing
 * written.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let otherOwner: TActor;
let teamId: string;
let teamMate: TActor;
let githubId: string;
let awsId: string;
const saved = process.env.TOKENWARD_CONNECTOR_KEYS;
const DAY = 86_400_000;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  resetEnvCache();
  database = await createTestDatabase();
  const { prisma } = database;
  actors = await createRoleUsers(prisma);
  const other = await prisma.user.create({ data: { email: "other-owner@test.local", name: "Other owner", role: "owner" } });
  otherOwner = { id: other.id, email: other.email, name: other.name, role: "owner", teamIds: [] };
  const mate = await prisma.user.create({ data: { email: "mate@test.local", name: "Team mate", role: "owner" } });
  teamId = (await prisma.team.create({ data: { name: "Platform", slug: "platform" } })).id;
  await prisma.teamMembership.create({ data: { teamId, userId: mate.id } });
  teamMate = { id: mate.id, email: mate.email, name: mate.name, role: "owner", teamIds: [teamId] };
  // Planning and requesting read only the connector's declaration and whether a secret is set; no provider is called.
  githubId = (await prisma.provider.create({ data: { name: "GitHub org", type: "github", sensitivity: "high", enabled: true, encryptedCredentials: "sealed-elsewhere" } })).id;
  awsId = (await prisma.provider.create({ data: { name: "AWS prod", type: "aws_iam", sensitivity: "moderate", enabled: true, encryptedCredentials: "sealed-elsewhere" } })).id;
});
afterAll(async () => {
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = saved;
  resetEnvCache();
});

let seq = 0;
async function credential(over: { providerId?: string; ownerId?: string | null; teamId?: string | null; name?: string }) {
  return database.prisma.credential.create({
    data: { name: over.name ?? `review cred ${++seq}`, kind: "pat", providerId: over.providerId ?? githubId, externalId: `ext-${++seq}`, ownerId: over.ownerId ?? null, teamId: over.teamId ?? null },
  });
}

const due = (days = 14) => new Date(Date.now() + days * DAY).toISOString();

async function launch(as: TActor, over: Partial<{ filter: string; expected: number; dueAt: string; orphanReviewerId: string; name: string }> = {}) {
  return executeOperation(database.prisma, createCampaignOperation, as, { name: "Q4 GitHub review", filter: `provider=${githubId}&status=active`, expected: 4, dueAt: due(), ...over });
}

async function counts() {
  const p = database.prisma;
  const [campaigns, items, audit, workflows, notifications] = await Promise.all([p.reviewCampaign.count(), p.reviewItem.count(), p.auditEvent.count(), p.workflow.count(), p.notification.count()]);
  return { campaigns, items, audit, workflows, notifications };
}

async function itemOf(campaignId: string, credentialId: string) {
  return database.prisma.reviewItem.findUniqueOrThrow({ where: { campaignId_credentialId: { campaignId, credentialId } } });
}

let creds: { mine: { id: string }; other: { id: string }; team: { id: string }; orphan: { id: string } };

beforeEach(async () => {
  const p = database.prisma;
  await p.$executeRawUnsafe(`DELETE FROM review_campaigns`);
  await p.$executeRawUnsafe(`DELETE FROM notifications`);
  await p.$executeRawUnsafe(`UPDATE credentials SET status = 'revoked'`);
  creds = {
    mine: await credential({ ownerId: actors.owner.id }),
    other: await credential({ ownerId: otherOwner.id }),
    team: await credential({ teamId }),
    orphan: await credential({}),
  };
  // Not in scope: another provider.
  await credential({ providerId: awsId, ownerId: actors.owner.id });
});

describe("access review campaigns", () => {
  it("launches from a filter with a frozen scope, assigns owners / team / orphan reviewer, and tells each reviewer", async () => {
    const result = await launch(actors.security, { orphanReviewerId: actors.admin.id });
    expect(result).toMatchObject({ ok: true, data: { items: 4, byAssignment: { owner: 2, team: 1, orphan: 1 } } });
    const id = (result as { data: { id: string } }).data.id;
    expect((await itemOf(id, creds.mine.id)).ownerId).toBe(actors.owner.id);
    expect(await itemOf(id, creds.team.id)).toMatchObject({ ownerId: null, teamId, assignment: "team" });
    expect(await itemOf(id, creds.orphan.id)).toMatchObject({ ownerId: actors.admin.id, assignment: "orphan" });
    // Frozen: a new matching credential and a re-owned one change nothing.
    await credential({ ownerId: actors.owner.id });
    await database.prisma.credential.update({ where: { id: creds.other.id }, data: { ownerId: actors.owner.id, name: "renamed" } });
    expect(await database.prisma.reviewItem.count({ where: { campaignId: id } })).toBe(4);
    expect(await itemOf(id, creds.other.id)).toMatchObject({ ownerId: otherOwner.id, name: expect.stringMatching(/^review cred/) });
    // Notices: owner, other owner, team mate, orphan reviewer; never the launcher.
    const notices = await database.prisma.notification.findMany({ where: { kind: "review.assigned", targetId: id } });
    expect(notices.map((n) => n.recipientId).sort()).toEqual([actors.owner.id, otherOwner.id, teamMate.id, actors.admin.id].sort());
    const audit = await database.prisma.auditEvent.findFirst({ where: { action: "reviews.create", targetId: id } });
    expect(audit?.actorId).toBe(actors.security.id);
    const list = (await listCampaigns(database.prisma, actors.auditor)).rows;
    expect(list.find((c) => c.id === id)).toMatchObject({ items: 4, decided: 0, status: "open" });
  });

  it("refuses hostile launches with nothing written: past due date, a filter matching nothing, a tampered filter, a stale count, orphans without a reviewer, an auditor as reviewer, non-managers", async () => {
    const before = await counts();
    const cases: [TActor, Parameters<typeof launch>[1], string][] = [
      [actors.security, { dueAt: new Date(Date.now() - DAY).toISOString(), orphanReviewerId: actors.admin.id }, "VALIDATION"],
      [actors.security, { dueAt: "next tuesday", orphanReviewerId: actors.admin.id }, "VALIDATION"],
      [actors.security, { filter: "q=no-such-credential-anywhere", expected: 1 }, "VALIDATION"],
      [actors.security, { filter: "provider=not-a-uuid" }, "VALIDATION"],
      [actors.security, { filter: `provider=${githubId}&provider=${githubId}` }, "VALIDATION"],
      [actors.security, { filter: "bogus=1" }, "VALIDATION"],
      [actors.security, { expected: 3, orphanReviewerId: actors.admin.id }, "CONFLICT"],
      [actors.security, {}, "VALIDATION"],
      [actors.security, { orphanReviewerId: actors.auditor.id }, "VALIDATION"],
      [actors.owner, { orphanReviewerId: actors.admin.id }, "FORBIDDEN"],
      [actors.auditor, { orphanReviewerId: actors.admin.id }, "FORBIDDEN"],
    ];
    for (const [as, over, code] of cases) {
      const result = await launch(as, over);
      expect(result.ok ? null : result.error.code, JSON.stringify(over)).toBe(code);
    }
    const after = await counts();
    // Only the two denials were recorded.
    expect(after).toEqual({ ...before, audit: before.audit + 2 });
  });

  it("owners attest only their own and their team's items, one by one or in bulk; auditors never; re-attesting replaces with the before in the audit", async () => {
    const id = ((await launch(actors.security, { orphanReviewerId: actors.admin.id })) as { data: { id: string } }).data.id;
    const mine = await itemOf(id, creds.mine.id);
    const other = await itemOf(id, creds.other.id);
    const team = await itemOf(id, creds.team.id);
    const attest = (as: TActor, itemIds: string[], decision: string, comment = "still used by CI") =>
      executeOperation(database.prisma, attestItemsOperation, as, { itemIds, decision, comment });

    expect(await attest(actors.owner, [mine.id], "keep")).toMatchObject({ ok: true, data: { attested: 1 } });
    // Someone else's item, alone or hidden in a bulk: refused, recorded, nothing changed.
    const before = await counts();
    const denied = await attest(actors.owner, [mine.id, other.id], "revoke");
    expect(denied).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await itemOf(id, creds.mine.id)).decision).toBe("keep");
    expect((await itemOf(id, creds.other.id)).decision).toBeNull();
    const denial = await database.prisma.auditEvent.findFirst({ where: { action: "access.denied" }, orderBy: { seq: "desc" } });
    expect(denial).toMatchObject({ targetType: "review_item", targetId: other.id });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    // The team's item: a team member may; security may not (not theirs), auditors never.
    expect(await attest(teamMate, [team.id], "rotate")).toMatchObject({ ok: true });
    expect(await attest(actors.security, [team.id], "keep")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await attest(actors.auditor, [mine.id], "keep")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // Hostile input: no comment, unknown decision, duplicates, unknown id.
    for (const input of [
      { itemIds: [mine.id], decision: "keep", comment: " " },
      { itemIds: [mine.id], decision: "delete", comment: "why not" },
      { itemIds: [mine.id, mine.id], decision: "keep", comment: "twice" },
      { itemIds: [], decision: "keep", comment: "nothing" },
      { itemIds: ["not-a-uuid"], decision: "keep", comment: "bad" },
    ]) {
      expect((await executeOperation(database.prisma, attestItemsOperation, actors.owner, input)).ok ? null : "refused", JSON.stringify(input)).toBe("refused");
    }
    expect(await attest(actors.owner, ["00000000-0000-7000-8000-000000000000"], "keep")).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // Bulk by the other owner; then the owner changes their mind.
    expect(await attest(otherOwner, [other.id], "revoke", "unused for a year")).toMatchObject({ ok: true });
    expect(await attest(actors.owner, [mine.id], "rotate", "leaked in a log")).toMatchObject({ ok: true });
    const changed = await database.prisma.auditEvent.findFirst({ where: { action: "reviews.attest", targetId: mine.id }, orderBy: { seq: "desc" } });
    expect(changed?.summary).toMatchObject({ before: { decision: "keep" }, after: { decision: "rotate", comment: "leaked in a log" } });

    const detail = await getCampaignDetail(database.prisma, id, actors.owner, { view: "mine", page: 1 });
    expect(detail?.items.map((i) => i.id)).toEqual([mine.id]);
    expect(detail?.reviewers.find((r) => r.label === "Test owner")).toMatchObject({ total: 1, decided: 1 });
    expect(detail?.items[0]).toMatchObject({ canAttest: true, decision: "rotate", risk: expect.any(Object) });
  });

  it("bulk attestation of many items is one call and one audit event each", async () => {
    const extra = await Promise.all(Array.from({ length: 6 }, () => credential({ ownerId: actors.owner.id })));
    const id = ((await launch(actors.security, { orphanReviewerId: actors.admin.id, expected: 10 })) as { data: { id: string } }).data.id;
    const ids = (await database.prisma.reviewItem.findMany({ where: { campaignId: id, ownerId: actors.owner.id }, select: { id: true } })).map((i) => i.id);
    expect(ids).toHaveLength(1 + extra.length);
    const before = await database.prisma.auditEvent.count({ where: { action: "reviews.attest" } });
    expect(await executeOperation(database.prisma, attestItemsOperation, actors.owner, { itemIds: ids, decision: "keep", comment: "all in use" })).toMatchObject({ ok: true, data: { attested: 7 } });
    expect(await database.prisma.auditEvent.count({ where: { action: "reviews.attest" } })).toBe(before + 7);
    expect(await database.prisma.reviewItem.count({ where: { id: { in: ids }, decision: "keep", decidedById: actors.owner.id } })).toBe(7);
  });

  it("reminds pending reviewers (security on demand, the job near the due date), marks overdue once, then closes into workflow requests; one of two concurrent closes wins; no attestation after close", async () => {
    const id = ((await launch(actors.security, { orphanReviewerId: actors.admin.id, dueAt: due(2) })) as { data: { id: string } }).data.id;
    const attest = (as: TActor, credentialId: string, decision: string) => itemOf(id, credentialId).then((i) => executeOperation(database.prisma, attestItemsOperation, as, { itemIds: [i.id], decision, comment: `decided ${decision}` }));
    expect(await attest(actors.owner, creds.mine.id, "rotate")).toMatchObject({ ok: true });
    expect(await attest(otherOwner, creds.other.id, "revoke")).toMatchObject({ ok: true });
    expect(await attest(actors.admin, creds.orphan.id, "keep")).toMatchObject({ ok: true });

    // Remind: only the team (its item is pending); owners, auditors cannot.
    expect(await executeOperation(database.prisma, remindReviewersOperation, actors.owner, { campaignId: id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await executeOperation(database.prisma, remindReviewersOperation, actors.security, { campaignId: id })).toMatchObject({ ok: true, data: { recipients: 1 } });
    expect((await database.prisma.notification.findMany({ where: { kind: "review.reminder" } })).map((n) => n.recipientId)).toEqual([teamMate.id]);
    // The job reminds once within 3 days of the due date, not again on the next run.
    await database.prisma.reviewCampaign.update({ where: { id }, data: { lastRemindedAt: null } });
    expect(await markOverdue(database.prisma)).toMatchObject({ reminded: 1, overdue: 0 });
    expect(await markOverdue(database.prisma)).toMatchObject({ reminded: 0, overdue: 0 });

    // Past due: the undecided item is flagged once; the creator is told.
    const later = new Date(Date.now() + 3 * DAY);
    expect(await markOverdue(database.prisma, later)).toMatchObject({ overdue: 1 });
    expect(await markOverdue(database.prisma, later)).toMatchObject({ overdue: 0 });
    expect(await itemOf(id, creds.team.id)).toMatchObject({ overdue: true, decision: null });
    expect(await itemOf(id, creds.mine.id)).toMatchObject({ overdue: false });
    expect(await database.prisma.notification.count({ where: { kind: "review.overdue", recipientId: actors.security.id } })).toBe(1);
    expect(await database.prisma.auditEvent.count({ where: { action: "reviews.overdue", targetId: id, actorId: null } })).toBe(1);

    // Owners and auditors cannot close.
    for (const as of [actors.owner, actors.auditor]) {
      expect(await executeOperation(database.prisma, closeCampaignOperation, as, { campaignId: id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    const [a, b] = await Promise.all([
      executeOperation(database.prisma, closeCampaignOperation, actors.security, { campaignId: id }),
      executeOperation(database.prisma, closeCampaignOperation, actors.admin, { campaignId: id }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(results.find((r) => r.ok)).toMatchObject({ data: { kept: 1, requested: 2, notRequested: 0, notReviewed: 1 } });

    const workflows = await database.prisma.workflow.findMany({ where: { credentialId: { in: [creds.mine.id, creds.other.id] } }, orderBy: { kind: "asc" } }); // enum order: rotation, revocation
    expect(workflows.map((w) => [w.credentialId, w.kind, w.state])).toEqual([
      [creds.mine.id, "rotation", "requested"],
      [creds.other.id, "revocation", "requested"],
    ]);
    expect(workflows.every((w) => w.requestedById === null && w.requestedByLabel.includes("attested by"))).toBe(true);
    expect(await itemOf(id, creds.mine.id)).toMatchObject({ outcome: "requested", workflowId: workflows[0]!.id });
    expect(await itemOf(id, creds.team.id)).toMatchObject({ outcome: "not_reviewed", overdue: true });
    // The owner is asked to approve through the normal rules.
    expect(await database.prisma.notification.count({ where: { kind: "workflow.approval_requested", recipientId: actors.owner.id } })).toBe(1);

    // After the close: no attestation, no reminder, no second close.
    expect(await attest(actors.owner, creds.mine.id, "keep")).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await executeOperation(database.prisma, remindReviewersOperation, actors.security, { campaignId: id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await executeOperation(database.prisma, closeCampaignOperation, actors.security, { campaignId: id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("records a request the workflow refuses on the item and closes anyway", async () => {
    const id = ((await launch(actors.security, { orphanReviewerId: actors.admin.id })) as { data: { id: string } }).data.id;
    const item = await itemOf(id, creds.mine.id);
    expect(await executeOperation(database.prisma, attestItemsOperation, actors.owner, { itemIds: [item.id], decision: "revoke", comment: "not needed" })).toMatchObject({ ok: true });
    // Meanwhile a revocation was opened by hand.
    await database.prisma.workflow.create({ data: { kind: "revocation", state: "requested", credentialId: creds.mine.id, providerId: githubId, requestedByLabel: "someone" } });
    expect(await executeOperation(database.prisma, closeCampaignOperation, actors.security, { campaignId: id })).toMatchObject({ ok: true, data: { requested: 0, notRequested: 1, notReviewed: 3 } });
    expect(await itemOf(id, creds.mine.id)).toMatchObject({ outcome: "not_requested", outcomeDetail: expect.stringMatching(/already open/) });
  });
});
