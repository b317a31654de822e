import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRoute, type TRouteDefinition } from "@/lib/server/route";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { updateUserRoleOperation } from "@/lib/users/operations";

/** Mutating route handlers: the CSRF gate runs before the operation, so a refused request writes nothing. */

const APP = "http://localhost:3000";
let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
const route = { kind: "mutation", operation: updateUserRoleOperation } as TRouteDefinition;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
});
afterAll(async () => {
  await database?.dispose();
});

const post = (headers: Record<string, string>, body = JSON.stringify({ userId: actors.auditor.id, role: "security" })) =>
  executeRoute(database.prisma, route, actors.admin, new Request(`${APP}/api/v1/users/role`, { method: "POST", headers, body }), undefined, APP);

describe("mutation route handlers", () => {
  it.each([
    ["a foreign Origin", { origin: "https://evil.example", "content-type": "application/json" }, 403],
    ["no Origin", { "content-type": "application/json" }, 403],
    ["a text/plain body (cross-site form)", { origin: APP, "content-type": "text/plain" }, 415],
  ])("refuses %s and writes nothing", async (_what, headers, status) => {
    const before = await snapshotCounts(database.prisma);
    const response = await post(headers);
    expect(response.status).toBe(status);
    expect(await snapshotCounts(database.prisma)).toEqual(before);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: actors.auditor.id } })).role).toBe("auditor");
  });

  it("runs a same-origin JSON request", async () => {
    const response = await post({ origin: APP, "content-type": "application/json" });
    expect(response.status).toBe(200);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: actors.auditor.id } })).role).toBe("security");
  });
});
