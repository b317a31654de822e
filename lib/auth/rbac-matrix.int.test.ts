import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { PERMISSIONS, reachOf, ROLES, type TPermission } from "@/lib/auth/permissions";
import { executeOperation, type TOperation } from "@/lib/server/execute";
import { executeRoute, routeName, routePermission, type TRouteDefinition } from "@/lib/server/route";
import { discoverOperations, discoverRoutes } from "@/lib/testing/entry-points";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * The RBAC matrix. Every server action and every route handler must appear in MATRIX with the
 * permission it checks; the test then calls each one as every role (and as nobody) and asserts
 * allow/deny exactly as lib/auth/permissions.ts says. The probe input is invalid on purpose: an
 * allowed call stops at validation, so the matrix writes nothing but the denial records.
 * Adding an action or route without a line here fails this test. Who may act on *which* resource
 * is the second dimension: lib/auth/rbac-resource-matrix.int.test.ts.
 */
const MATRIX: Record<string, TPermission> = {
  "audit.verify_chain": "audit.verify",
  "audit.export": "audit.export",
  "audit.signing_status": "audit.read",
  "users.update_role": "users.manage",
  "users.set_active": "users.manage",
  "teams.create": "teams.manage",
  "teams.add_member": "teams.manage",
  "teams.remove_member": "teams.manage",
  "inventory.list_credentials": "inventory.read",
  "inventory.count_credentials": "inventory.read",
  "ownership.assign": "ownership.assign",
  "ownership.claim": "ownership.claim",
  "ownership.assign_entity": "ownership.assign",
  "ownership.assign_matching": "ownership.assign",
  "owners.search": "ownership.assign",
  "notifications.list": "notifications.read",
  "notifications.mark_read": "notifications.read",
  "risk.policy.save": "policy.manage",
  "risk.policy.import": "policy.manage",
  "risk.policy.restore": "policy.manage",
  "risk.policy.preview": "policy.manage",
  "risk.policy.export": "inventory.read",
  "risk.recompute.start": "risk.recompute",
  "risk.recompute.status": "inventory.read",
  "providers.sync.status": "providers.read",
  "api_keys.create": "api_keys.manage",
  "api_keys.revoke": "api_keys.manage",
  "providers.create": "connectors.manage",
  "providers.update": "connectors.manage",
  "providers.test": "connectors.manage",
  "providers.set_enabled": "connectors.manage",
  "providers.delete": "connectors.manage",
  "providers.sync": "connectors.manage",
  "credentials.verify": "credentials.verify",
  "credentials.issue": "credentials.issue",
  "credentials.set_ephemeral": "credentials.set_ephemeral",
  "workflows.request": "workflows.request",
  "workflows.break_glass": "workflows.break_glass",
  "workflows.decide": "workflows.approve",
  "workflows.operate": "workflows.operate",
  "workflows.reveal": "workflows.reveal",
  "workflows.bulk_plan": "workflows.break_glass",
  "delivery_targets.create": "connectors.manage",
  "delivery_targets.set_enabled": "connectors.manage",
  "delivery_targets.delete": "connectors.manage",
  "mcp_servers.register": "mcp_servers.manage",
  "mcp_servers.configure_probe": "mcp_servers.manage",
  "mcp_servers.probe": "mcp_servers.probe",
  "workflows.bulk_revoke": "workflows.break_glass",
  "workflows.bulk_retry": "workflows.break_glass",
  "workflows.batch_progress": "workflows.read",
  "usage.ingest": "usage.ingest",
  "usage.ingest_otlp": "usage.ingest",
  "alerts.decide": "alerts.decide",
  "scans.ingest": "scans.write",
  "scans.upload": "scans.write",
  "exposures.remediate": "exposures.remediate",
  "reports.export": "reports.export",
  "reports.manifest": "reports.export",
  "rotation_policies.save": "policy.manage",
  "rotation_policies.run": "policy.manage",
  "rotation_policies.preview": "policy.manage",
  "alert_destinations.create": "alerts.deliver",
  "alert_destinations.update": "alerts.deliver",
  "alert_destinations.delete": "alerts.deliver",
  "alert_destinations.test": "alerts.deliver",
  "alert_destinations.resend": "alerts.deliver",
  "audit.events": "audit.read",
  "report_schedules.create": "reports.schedule",
  "report_schedules.pause": "reports.schedule",
  "report_schedules.delete": "reports.schedule",
  "report_schedules.run": "reports.schedule",
  "reports.run_download": "reports.export",
  "reviews.create": "reviews.manage",
  "reviews.attest": "reviews.attest",
  "reviews.remind": "reviews.manage",
  "reviews.close": "reviews.manage",
  "usage.list_events": "usage.read",
};

const PROBE = "__rbac_probe__";

let database: TTestDatabase;
let actors: Record<(typeof ROLES)[number], TActor>;
let operations: Map<string, TOperation<never, unknown>>;
let routes: Map<string, TRouteDefinition>;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);

  operations = await discoverOperations();
  routes = await discoverRoutes();
});

afterAll(async () => {
  await database?.dispose();
});

/** An action's operation, or a mutating route's (its Origin and body gates come first and have their own tests). */
function operationFor(name: string): TOperation<never, unknown> | undefined {
  const def = routes.get(name);
  return operations.get(name) ?? (def?.kind === "mutation" ? (def.operation as TOperation<never, unknown>) : undefined);
}

describe("RBAC matrix", () => {
  it("lists every action and route, with the permission it checks", () => {
    const found = Object.fromEntries([
      ...[...operations.values()].map((op) => [op.name, op.permission]),
      ...[...routes.values()].map((def) => [routeName(def), routePermission(def)]),
    ]);
    expect(found).toEqual(MATRIX);
    for (const permission of Object.values(MATRIX)) expect(PERMISSIONS).toHaveProperty(permission);
  });

  for (const [name, permission] of Object.entries(MATRIX)) {
    for (const role of ROLES) {
      const allowed = reachOf(role, permission) !== null;
      it(`${name} × ${role} → ${allowed ? "allowed" : "denied"}`, async () => {
        const before = await snapshotCounts(database.prisma);
        const op = operationFor(name);
        if (op) {
          const result = await executeOperation(database.prisma, op, actors[role], PROBE);
          expect(result.ok).toBe(false);
          expect(result.ok ? null : result.error.code).toBe(allowed ? "VALIDATION" : "FORBIDDEN");
        } else {
          const def = routes.get(name)!;
          // Ingestion routes take API keys only: the role's actor as a key holding the route's permission.
          const ingest = def.kind === "mutation" && def.ingest !== undefined;
          const actor = ingest ? { ...actors[role], apiKey: { id: "00000000-0000-7000-8000-000000000000", name: "matrix", prefix: "twk_matrix", permissions: [permission] } } : actors[role];
          const request = new Request(`http://localhost/probe?${PROBE}=1`, {
            method: def.kind === "read" ? "GET" : "POST",
            body: def.kind === "read" ? undefined : PROBE,
            headers: ingest ? { "content-type": "application/json" } : undefined,
          });
          const response = await executeRoute(database.prisma, def, actor, request);
          expect(response.status).toBe(allowed ? 400 : 403);
        }
        const after = await snapshotCounts(database.prisma);
        // Allowed: nothing written (validation failed). Denied: exactly one access.denied record.
        expect(after).toEqual({ ...before, auditEvents: before.auditEvents + (allowed ? 0 : 1) });
      });
    }

    it(`${name} × signed out → UNAUTHENTICATED`, async () => {
      const op = operationFor(name);
      if (op) {
        const result = await executeOperation(database.prisma, op, null, PROBE);
        expect(result.ok ? null : result.error.code).toBe("UNAUTHENTICATED");
      } else {
        const response = await executeRoute(database.prisma, routes.get(name)!, null, new Request("http://localhost/probe"));
        expect(response.status).toBe(401);
      }
    });
  }
});
