/**
 * THE permission table: permission → the roles it is granted to, and how far each grant reaches.
 * Deny by default: a permission not listed here does not exist, and a role not listed for a
 * permission is refused. `"any"` reaches every resource; `"owned"` only those the actor owns or one
 * of the actor's teams owns (lib/auth/resource-scope.ts turns that into SQL, checked after the
 * target rows are locked: lib/auth/authorize.ts). Server actions and route handlers name one
 * permission each (lib/server/); the UI only mirrors this table to hide what a role cannot do.
 * lib/auth/rbac-matrix.int.test.ts checks every action and route against it, role × resource.
 */

export const ROLES = ["admin", "security", "owner", "auditor"] as const;
export type TRole = (typeof ROLES)[number];

export const REACHES = ["any", "owned"] as const;
export type TReach = (typeof REACHES)[number];
export type TGrants = Partial<Record<TRole, TReach>>;

function everywhere(...roles: TRole[]): TGrants {
  return Object.fromEntries(roles.map((role) => [role, "any"]));
}

const EVERYONE = ROLES;

export const PERMISSIONS = {
  // Reading the inventory, risk and topology: every signed-in role ("owner: see all").
  "inventory.read": everywhere(...EVERYONE),
  // The audit trail is readable by all, verified by those who answer for it, exported by auditors.
  "audit.read": everywhere(...EVERYONE),
  "audit.verify": everywhere("admin", "security", "auditor"),
  "audit.export": everywhere("admin", "auditor"),
  // People and teams.
  "users.read": everywhere("admin", "security", "auditor"),
  "users.manage": everywhere("admin"),
  "teams.manage": everywhere("admin"),
  // Ownership: security and admins assign anything; owners hand over what they or their team own.
  "ownership.assign": { admin: "any", security: "any", owner: "owned" },
  // Claiming is for orphans (a rule of the claim itself, not of reach).
  "ownership.claim": everywhere("admin", "security", "owner"),
  // In-app notifications: everyone reads and marks their own (the recipient is the resource rule).
  "notifications.read": everywhere(...EVERYONE),
  // Risk: the policy is admin-only; a full recompute may also be started by security.
  "risk.recompute": everywhere("admin", "security"),
  // Machine access: Tokenward's own API keys.
  "api_keys.manage": everywhere("admin"),
  // Configuration. Providers' settings (never their secrets) and sync history are visible to every
  // role ("owner: see all": where a credential comes from is part of it); only admins change them.
  "providers.read": everywhere(...EVERYONE),
  "connectors.manage": everywhere("admin"),
  // Asking a credential's provider whether it is still active (and recording the answer): those who
  // act on credentials, owners on their own and their team's.
  "credentials.verify": { admin: "any", security: "any", owner: "owned" },
  // Minting a new credential through a provider (per-task, audience-bound): those who hand out access.
  "credentials.issue": everywhere("admin", "security"),
  // Marking a credential ephemeral (revoked when its task ends) or standing again: those who answer for it.
  "credentials.set_ephemeral": { admin: "any", security: "any", owner: "owned" },
  // Workflows (lib/workflows). Everyone reads them. Security and admins request rotations and
  // revocations of anything, owners of what they or their team own; break-glass is security's.
  "workflows.read": everywhere(...EVERYONE),
  "workflows.request": { admin: "any", security: "any", owner: "owned" },
  "workflows.break_glass": everywhere("admin", "security"),
  // Deciding is for those who answer for the credential (its owner, its team), whatever their role;
  // nobody decides their own request (checked by the service).
  "workflows.approve": { admin: "owned", security: "owned", owner: "owned" },
  // Confirming a cut-over or a replacement, retrying or abandoning after a failure.
  "workflows.operate": { admin: "any", security: "any", owner: "owned" },
  // The new secret is revealed once, to someone who answers for the credential.
  "workflows.reveal": { admin: "owned", security: "owned", owner: "owned" },
  "policy.manage": everywhere("admin"),
  // Machine telemetry (gateways, MCP servers, OTLP exporters) through an API key with usage:write:
  // the key's creator must be one who may see every credential's use.
  "usage.ingest": everywhere("admin", "security"),
  // Deciding on a usage finding (acknowledge, resolve, re-open) is the security team's: an owner
  // must not be able to silence an alert about their own credential.
  "alerts.decide": everywhere("admin", "security"),
  // Where findings are sent (lib/alerts: webhook, Slack, SIEM destinations), a test alert, a
  // re-send: the security team's, like deciding on them.
  "alerts.deliver": everywhere("admin", "security"),
  // MCP servers: registering a remote one and its probe client (a secret) is admin's; admins and
  // security run the authorization probe.
  "mcp_servers.manage": everywhere("admin"),
  "mcp_servers.probe": everywhere("admin", "security"),
  // MCP config discovery (lib/scans): sending a scan report (API key scope scan:write, or an upload)
  // is for those who answer for security; closing an exposure also for the credential's owners.
  "scans.write": everywhere("admin", "security"),
  "exposures.remediate": { admin: "any", security: "any", owner: "owned" },
  // Reports and exports (lib/reports): those who answer for evidence. Owners read everything in the
  // app but do not take signed copies of it out.
  "reports.export": everywhere("admin", "security", "auditor"),
  // Rotation policies (lib/rotation-policies): admins edit them (policy.manage); security and auditors read them.
  "rotation_policy.read": everywhere("admin", "security", "auditor"),
  // Scheduled reports (lib/reports/schedules): whoever exports reports may schedule them. Auditors
  // schedule to themselves only and manage only their own schedules (checked by the service).
  "reports.schedule": everywhere("admin", "security", "auditor"),
  // Access review campaigns (lib/reviews): everyone reads them (auditors as evidence); security and
  // admins launch, remind and close them; an item is attested by the one it is assigned to (its
  // credential's owner, or the orphan reviewer) or the credential's team — whatever their role.
  "reviews.read": everywhere(...EVERYONE),
  "reviews.manage": everywhere("admin", "security"),
  "reviews.attest": { admin: "owned", security: "owned", owner: "owned" },
  // The hop log (/usage): who presented which credential where. Owners read the hops of what they
  // or their team own — another team's callers, targets and tools are not theirs to map.
  "usage.read": { admin: "any", security: "any", auditor: "any", owner: "owned" },
} as const satisfies Record<string, TGrants>;

export type TPermission = keyof typeof PERMISSIONS;

/** How far `role`'s grant of `permission` reaches, or null when the role lacks it. */
export function reachOf(role: TRole | null | undefined, permission: TPermission): TReach | null {
  if (!role) return null;
  const grants: TGrants | undefined = PERMISSIONS[permission];
  return grants?.[role] ?? null;
}

/** Whether the role holds the permission at all (for some resource at least). */
export function can(role: TRole | null | undefined, permission: TPermission): boolean {
  return reachOf(role, permission) !== null;
}

export function permissionsOf(role: TRole): TPermission[] {
  return (Object.keys(PERMISSIONS) as TPermission[]).filter((p) => can(role, p));
}

export const ROLE_LABELS: Record<TRole, { label: string; description: string }> = {
  admin: { label: "Admin", description: "Everything, including connectors, policy, users and API keys." },
  security: { label: "Security", description: "Browse all, revoke and rotate, run review campaigns." },
  owner: { label: "Owner", description: "See all; act on the credentials you or your team own." },
  auditor: { label: "Auditor", description: "Read-only everywhere; export reports and verify the audit chain." },
};
