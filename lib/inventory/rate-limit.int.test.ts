import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { resetEnvCache } from "@/lib/env";
import { countCredentialsRoute, listCredentialsRoute } from "@/lib/inventory/routes";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/** The list and count APIs share a per-user request budget (TOKENWARD_INVENTORY_RATE_LIMIT a minute). */

let database: TTestDatabase;
const alice: TActor = { id: "00000000-0000-4000-8000-0000000000a1", email: "a@x", name: "A", role: "security", teamIds: [] };
const bob: TActor = { ...alice, id: "00000000-0000-4000-8000-0000000000b2", email: "b@x" };

beforeAll(async () => {
  process.env.TOKENWARD_INVENTORY_RATE_LIMIT = "3";
  resetEnvCache();
  database = await createTestDatabase();
});
afterAll(async () => {
  delete process.env.TOKENWARD_INVENTORY_RATE_LIMIT;
  resetEnvCache();
  await database?.dispose();
});

const call = (handler: unknown, actor: TActor, qs = "") =>
  executeRoute(database.prisma, routeDefinitionOf(handler)!, actor, new Request(`http://localhost/api/v1/credentials?${qs}`), database.read);

describe("inventory rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After once a user spends the budget, across list and count, per user", async () => {
    expect((await call(listCredentialsRoute, alice)).status).toBe(200);
    expect((await call(countCredentialsRoute, alice)).status).toBe(200);
    expect((await call(listCredentialsRoute, alice, "q=a")).status).toBe(200);
    const limited = await call(countCredentialsRoute, alice);
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toMatch(/inventory/i);
    expect((await call(listCredentialsRoute, alice)).status).toBe(429);
    // Another user has their own budget.
    expect((await call(listCredentialsRoute, bob)).status).toBe(200);
  });

  it("does not count requests of a signed-out caller against anyone (they are refused first)", async () => {
    expect((await executeRoute(database.prisma, routeDefinitionOf(listCredentialsRoute)!, null, new Request("http://localhost/api/v1/credentials"))).status).toBe(401);
  });
});
