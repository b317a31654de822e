import { can, type TPermission, type TRole } from "@/lib/auth/permissions";

/**
 * THE registry of API key scopes: what a machine may be allowed, in the permissions it grants. A key
 * acts with its creator's current role cut to these permissions (lib/auth/access.ts), so a scope
 * never reaches further than the person behind it. Adding a machine endpoint = one line here plus the
 * route's permission.
 */
export const API_KEY_SCOPES = {
  "inventory:read": {
    label: "Read the inventory",
    description: "List and count credentials, read risk policy and recompute status (GET /api/v1/credentials, …).",
    permissions: ["inventory.read"],
  },
  "audit:export": {
    label: "Export the audit trail",
    description: "Download the signed NDJSON export (GET /api/v1/audit/export) for offline verification.",
    permissions: ["audit.export"],
  },
  "usage:write": {
    label: "Send usage telemetry",
    description: "Report credential use from gateways and MCP servers (POST /api/v1/usage, NDJSON or JSON; POST /api/v1/otlp/v1/traces, OTLP/HTTP).",
    permissions: ["usage.ingest"],
  },
  "scan:write": {
    label: "Send MCP config scans",
    description: "Send scan reports (POST /api/v1/scans): what `npm run scan -- <dir> --send` posts from developer machines and CI.",
    permissions: ["scans.write"],
  },
  "reports:export": {
    label: "Export reports",
    description: "Download reports with their signed manifests (GET /api/v1/reports/export, /api/v1/reports/manifest).",
    permissions: ["reports.export"],
  },
} as const satisfies Record<string, { label: string; description: string; permissions: readonly TPermission[] }>;

export type TApiKeyScope = keyof typeof API_KEY_SCOPES;
export const API_KEY_SCOPE_IDS = Object.keys(API_KEY_SCOPES) as [TApiKeyScope, ...TApiKeyScope[]];

export function permissionsOfScopes(scopes: readonly string[]): TPermission[] {
  const out = new Set<TPermission>();
  for (const scope of scopes) {
    const entry = (API_KEY_SCOPES as Record<string, { permissions: readonly TPermission[] }>)[scope];
    // An id no longer in the registry grants nothing (a retired scope does not fail open).
    for (const p of entry?.permissions ?? []) out.add(p);
  }
  return [...out];
}

/** The scopes among `scopes` that `role` could not grant: each of their permissions must be the role's. */
export function scopesBeyondRole(role: TRole, scopes: readonly TApiKeyScope[]): TApiKeyScope[] {
  return scopes.filter((scope) => !API_KEY_SCOPES[scope].permissions.every((p) => can(role, p)));
}
