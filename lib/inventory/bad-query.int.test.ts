import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { countCredentialsRoute, listCredentialsRoute } from "@/lib/inventory/routes";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Hostile query strings on the inventory API: an unknown value of any enumerated filter, and any
 * parameter given twice, answer 400 with a message that says what would be accepted.
 */

let database: TTestDatabase;
let actor: TActor;

beforeAll(async () => {
  database = await createTestDatabase();
  actor = (await createRoleUsers(database.prisma)).security;
});
afterAll(async () => {
  await database?.dispose();
});

async function get(handler: (r: Request) => Promise<Response>, qs: string) {
  const response = await executeRoute(database.prisma, routeDefinitionOf(handler)!, actor, new Request(`http://localhost/api/v1/credentials?${qs}`), database.read);
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

describe("inventory API: bad query strings answer 400 with the valid values", () => {
  it.each([
    ["framework=NOPE", /framework: "NOPE" is not a framework item \(expected NHI1, .*NHI7/],
    ["factor=NOPE", /factor: "NOPE" is not a risk factor \(expected exposed, passthrough, .*static-high-sensitivity\)/],
    ["factor=Exposed", /factor: "Exposed" is not a risk factor/],
    ["factor=exposed&factor=stale", /factor is given 2 times: give it once/],
    ["factor=exposed,stale", /factor: "exposed,stale" is not a risk factor/],
    ["privilege=superuser", /privilege: "superuser" is not a privilege \(expected read, write, admin, wildcard, unknown\)/],
    ["privilege=", /privilege: give at least one privilege/],
    ["privilege=admin&privilege=write", /privilege is given 2 times/],
    ["status=gone", /status: "gone" is not a status \(expected active, expired, revoked, disabled\)/],
    ["risk=severe", /risk: "severe" is not a risk level \(expected /],
    ["status=active&status=expired", /status is given 2 times: give it once \(a list is comma-separated, status=a,b\)/],
    ["limit=10&limit=20", /limit is given 2 times: give it once/],
    ["sort=name&sort=name", /sort is given 2 times/],
  ])("%s", async (qs, message) => {
    for (const handler of [listCredentialsRoute, countCredentialsRoute]) {
      if (handler === countCredentialsRoute && /limit|sort/.test(qs)) continue;
      const { status, body } = await get(handler, qs);
      expect(status, qs).toBe(400);
      expect(body.error?.code).toBe("VALIDATION");
      expect(body.error?.message).toMatch(message);
    }
  });

  it("still answers a valid framework item, risk factor and a single list parameter", async () => {
    expect((await get(listCredentialsRoute, "framework=NHI7&status=active,expired")).status).toBe(200);
    expect((await get(listCredentialsRoute, "factor=over-privileged")).status).toBe(200);
    expect((await get(listCredentialsRoute, "privilege=admin,wildcard")).status).toBe(200);
  });
});
