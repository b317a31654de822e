import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TResourceType } from "@/lib/auth/authorize";
import { PERMISSIONS, reachOf, ROLES, type TPermission, type TRole } from "@/lib/auth/permissions";
import { executeOperation, type TOperation, type TResult } from "@/lib/server/execute";
import { discoverOperations } from "@/lib/testing/entry-points";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * The RBAC matrix's resource dimension. Every operation whose permission can reach only "owned"
 * resources, and every operation that declares a resource, is listed here with a valid input for a
 * given target; the test then runs it as every role against a resource the actor owns, one their
 * team owns, and one another team owns, and asserts allow/deny as PERMISSIONS' reach says. Removing
 * an operation's `resource` (or the check in lib/auth/authorize.ts) lets an owner act on another
 * team's resource, and this test fails.
 */

type TRelation = "owner of it" | "member of its team" | "owner in another team";
const RELATIONS: TRelation[] = ["owner of it", "member of its team", "owner in another team"];
type TFixture = { handoverTeamId: string };
type TCase = {
  type: TResourceType;
  probe: (targetId: string, f: TFixture) => unknown | Promise<unknown>;
  /** What "allowed" looks like when it is not a handover to the fixture's team (the default check). */
  allowed?: (result: TResult<unknown>, targetId: string) => void | Promise<void>;
};

const RESOURCE_MATRIX: Record<string, { permission: TPermission; cases: TCase[] }> = {
  "ownership.assign": {
    permission: "ownership.assign",
    cases: [{ type: "credential", probe: (id, f) => ({ credentialIds: [id], teamId: f.handoverTeamId }) }],
  },
  // A filter that matches exactly the target: its (random, unique) name as the search text.
  "ownership.assign_matching": {
    permission: "ownership.assign",
    cases: [
      {
        type: "credential",
        probe: async (id, f) => {
          const { name } = await database.prisma.credential.findUniqueOrThrow({ where: { id }, select: { name: true } });
          return { filter: new URLSearchParams({ q: name }).toString(), expected: 1, teamId: f.handoverTeamId };
        },
      },
    ],
  },
  "ownership.assign_entity": {
    permission: "ownership.assign",
    cases: [
      { type: "identity", probe: (id, f) => ({ entityType: "identity", entityId: id, teamId: f.handoverTeamId }) },
      { type: "mcp_server", probe: (id, f) => ({ entityType: "mcp_server", entityId: id, teamId: f.handoverTeamId }) },
    ],
  },
  // Past the gate the fixture's provider (never connected) cannot act: that refusal, not FORBIDDEN.
  "workflows.request": {
    permission: "workflows.request",
    cases: [{ type: "credential", probe: (id) => ({ credentialId: id, kind: "revocation" }), allowed: notConnected }],
  },
  "workflows.break_glass": {
    permission: "workflows.break_glass",
    cases: [{ type: "credential", probe: (id) => ({ credentialId: id, reason: "leaked in a CI log" }), allowed: notConnected }],
  },
  // A workflow on the target credential, requested by someone else, is what the actor decides on.
  "workflows.decide": {
    permission: "workflows.approve",
    cases: [{ type: "credential", probe: async (id) => ({ workflowId: await workflowOn(id, "requested"), decision: "approve" }), allowed: workflowIs("approved") }],
  },
  "workflows.operate": {
    permission: "workflows.operate",
    cases: [{ type: "credential", probe: async (id) => ({ workflowId: await workflowOn(id, "failed"), action: "abandon" }), allowed: workflowIs("abandoned") }],
  },
  "workflows.reveal": {
    permission: "workflows.reveal",
    cases: [
      {
        type: "credential",
        probe: async (id) => ({ workflowId: await workflowOn(id, "awaiting_cutover") }),
        // Nothing is held in the fixture: past the gate, the answer is that there is nothing to reveal.
        allowed: (result) => void expect(result.ok ? null : result.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/no longer held/) }),
      },
    ],
  },
  // Past the gate the fixture's provider cannot be asked (it was never connected): that refusal, not
  // FORBIDDEN, is what an allowed actor gets, and nothing is recorded on the credential.
  "credentials.verify": {
    permission: "credentials.verify",
    cases: [
      {
        type: "credential",
        probe: (id) => ({ credentialId: id }),
        allowed: async (result, id) => {
          expect(result.ok ? null : result.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/GitHub/) });
          expect((await database.prisma.credential.findUniqueOrThrow({ where: { id } })).verifiedAt).toBeNull();
        },
      },
    ],
  },
  "credentials.set_ephemeral": {
    permission: "credentials.set_ephemeral",
    cases: [
      {
        type: "credential",
        probe: (id) => ({ credentialId: id, ephemeral: true }),
        allowed: async (result, id) => {
          expect(result).toMatchObject({ ok: true });
          expect((await database.prisma.credential.findUniqueOrThrow({ where: { id } })).ephemeralSince).not.toBeNull();
          await database.prisma.credential.update({ where: { id }, data: { ephemeralSince: null } });
        },
      },
    ],
  },
  // The exposure's credential is the resource: owners close exposures of their own and their team's credentials.
  // An access review item: "owned" by its assigned reviewer and the credential's team (lib/reviews).
  "reviews.attest": {
    permission: "reviews.attest",
    cases: [
      {
        type: "review_item",
        probe: (id) => ({ itemIds: [id], decision: "keep", comment: "still in use" }),
        allowed: async (result, id) => {
          expect(result).toMatchObject({ ok: true, data: { attested: 1 } });
          expect((await database.prisma.reviewItem.findUniqueOrThrow({ where: { id } })).decision).toBe("keep");
        },
      },
    ],
  },
  "exposures.remediate": {
    permission: "exposures.remediate",
    cases: [
      {
        type: "credential",
        probe: async (id) => ({ exposureId: await exposureOn(id) }),
        allowed: async (result) => {
          expect(result).toMatchObject({ ok: true });
          const exposure = await database.prisma.exposure.findUniqueOrThrow({ where: { id: (result as { data: { id: string } }).data.id } });
          expect(exposure.resolvedAt).not.toBeNull();
        },
      },
    ],
  },
};

/** An open exposure of credential `id`, as a config scan records it. */
async function exposureOn(id: string): Promise<string> {
  const e = await database.prisma.exposure.create({
    data: { credentialId: id, fingerprint: `sha256:${id.replace(/-/g, "").padEnd(64, "0")}`, locationKind: "mcp_config", location: `.cursor/mcp.json#mcpServers.x.env.TOKEN`, detector: "github_pat", keyPath: "mcpServers.x.env.TOKEN" },
  });
  return e.id;
}

async function notConnected(result: TResult<unknown>) {
  expect(result.ok ? null : result.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/GitHub/) });
}

/** A workflow on credential `id` in `state`, requested by the outsider (so nobody in the matrix is its requester). */
async function workflowOn(id: string, state: "requested" | "failed" | "awaiting_cutover"): Promise<string> {
  const w = await database.prisma.workflow.create({
    data: { kind: "revocation", state, credentialId: id, providerId, requestedById: outsiderId, requestedByLabel: "outsider@test.local (owner)", failedStep: state === "failed" ? "revoking_old" : null },
  });
  return w.id;
}

function workflowIs(state: string) {
  return async (result: TResult<unknown>) => void expect(result).toMatchObject({ ok: true, data: { state } });
}

let database: TTestDatabase;
let actors: Record<TRole, TActor>;
let operations: Map<string, TOperation<never, unknown>>;
let fixture: TFixture;
let ownTeamId: string;
let otherTeamId: string;
let outsiderId: string;
let providerId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { prisma } = database;
  const users = await createRoleUsers(prisma);
  const [ownTeam, otherTeam, handover] = await Promise.all(["Platform", "Payments", "Handover"].map((name) => prisma.team.create({ data: { name, slug: name.toLowerCase() } })));
  ownTeamId = ownTeam!.id;
  otherTeamId = otherTeam!.id;
  fixture = { handoverTeamId: handover!.id };
  // Every role's user is a member of "Platform"; the outsider owns things in "Payments".
  await prisma.teamMembership.createMany({ data: ROLES.map((role) => ({ userId: users[role].id, teamId: ownTeamId })) });
  actors = Object.fromEntries(ROLES.map((role) => [role, { ...users[role], teamIds: [ownTeamId] }])) as Record<TRole, TActor>;
  outsiderId = (await prisma.user.create({ data: { email: "outsider@test.local", name: "Outsider", role: "owner" } })).id;
  await prisma.teamMembership.create({ data: { userId: outsiderId, teamId: otherTeamId } });
  providerId = (await prisma.provider.create({ data: { name: "GitHub", type: "github" } })).id;
  operations = await discoverOperations();
});

afterAll(async () => {
  await database?.dispose();
});

/** A fresh resource of `type`, owned as `relation` says from `actor`'s point of view. */
async function createTarget(type: TResourceType, relation: TRelation, actor: TActor): Promise<string> {
  const ownership =
    relation === "owner of it" ? { ownerId: actor.id, teamId: null }
    : relation === "member of its team" ? { ownerId: outsiderId, teamId: ownTeamId }
    : { ownerId: outsiderId, teamId: otherTeamId };
  const name = `${type} ${relation} ${actor.role} ${Math.random().toString(36).slice(2, 8)}`;
  const { prisma } = database;
  if (type === "credential") return (await prisma.credential.create({ data: { name, kind: "pat", providerId, ...ownership } })).id;
  if (type === "identity") return (await prisma.identity.create({ data: { name, kind: "service_account", ...ownership } })).id;
  if (type === "review_item") {
    const campaign = await prisma.reviewCampaign.create({ data: { name, filter: "", dueAt: new Date(Date.now() + 86_400_000), itemCount: 1, createdByLabel: "matrix" } });
    const credentialId = (await prisma.credential.create({ data: { name, kind: "pat", providerId, ...ownership } })).id;
    return (await prisma.reviewItem.create({ data: { campaignId: campaign.id, credentialId, name, providerName: "GitHub", kind: "pat", riskLevel: "none", riskScore: 0, assignment: "owner", ...ownership } })).id;
  }
  return (await prisma.mcpServer.create({ data: { name, transport: "streamable_http", authMode: "oauth", ...ownership } })).id;
}

async function teamOf(type: TResourceType, id: string): Promise<string | null> {
  const { prisma } = database;
  const where = { where: { id }, select: { teamId: true } };
  const row =
    type === "credential" ? await prisma.credential.findUnique(where)
    : type === "identity" ? await prisma.identity.findUnique(where)
    : type === "review_item" ? await prisma.reviewItem.findUnique(where)
    : await prisma.mcpServer.findUnique(where);
  return row?.teamId ?? null;
}

describe("RBAC matrix, resource dimension", () => {
  it("covers every operation that acts on owned resources", () => {
    const needing = [...operations.values()]
      .filter((op) => op.resource || Object.values(PERMISSIONS[op.permission]).includes("owned"))
      .map((op) => op.name)
      .sort();
    expect(needing).toEqual(Object.keys(RESOURCE_MATRIX).sort());
    for (const name of needing) {
      expect(operations.get(name)?.resource, `${name} must declare its resource`).toBeTypeOf("function");
      expect(operations.get(name)?.permission).toBe(RESOURCE_MATRIX[name]!.permission);
    }
  });

  for (const [name, { permission, cases }] of Object.entries(RESOURCE_MATRIX)) {
    for (const c of cases) {
      for (const role of ROLES) {
        // A role without the permission is refused before any row is read: one relation says it.
        const relations = reachOf(role, permission) ? RELATIONS : RELATIONS.slice(0, 1);
        for (const relation of relations) {
          it(`${name} on a ${c.type} × ${role}, ${relation}`, async () => {
            const op = operations.get(name)!;
            expect(op.permission).toBe(permission);
            const reach = reachOf(role, permission);
            const expected = reach === "any" || (reach === "owned" && relation !== "owner in another team");
            const actor = actors[role];
            const targetId = await createTarget(c.type, relation, actor);
            const teamBefore = await teamOf(c.type, targetId);
            const eventsBefore = await database.prisma.auditEvent.count();

            const result = await executeOperation(database.prisma, op, actor, await c.probe(targetId, fixture));

            if (expected && c.allowed) return void (await c.allowed(result, targetId));
            if (expected) {
              expect(result).toMatchObject({ ok: true });
              expect(await teamOf(c.type, targetId)).toBe(fixture.handoverTeamId);
              return;
            }
            expect(result.ok ? null : result.error.code).toBe("FORBIDDEN");
            expect(await teamOf(c.type, targetId)).toBe(teamBefore);
            const events = await database.prisma.auditEvent.findMany({ where: { seq: { gt: BigInt(eventsBefore) } } });
            // Exactly the denial: on the resource when the role holds the permission, on the operation when not.
            expect(events.map((e) => [e.action, e.targetType, e.targetId])).toEqual([
              reach ? ["access.denied", c.type, targetId] : ["access.denied", "operation", name],
            ]);
          });
        }
      }
    }
  }
});
