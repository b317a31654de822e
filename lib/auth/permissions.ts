/**
 * THE permission table: permission → roles allowed. Deny by default: a permission not listed
 * here does not exist, and a role not listed for a permission is refused. Server actions and route
 * handlers name one permission each (lib/server/); the UI only mirrors this table to hide what a
 * role cannot do. lib/auth/rbac-matrix.int.test.ts checks every action and route against it.
 */

export const ROLES = ["admin", "security", "owner", "auditor"] as const;
export type TRole = (typeof ROLES)[number];

const EVERYONE = ROLES;

export const PERMISSIONS = {
  // Reading the inventory, risk and topology: every signed-in role ("owner: see all").
  "inventory.read": EVERYONE,
  // The audit trail is readable by all, verified by those who answer for it, exported by auditors.
  "audit.read": EVERYONE,
  "audit.verify": ["admin", "security", "auditor"],
  "audit.export": ["admin", "auditor"],
  // People and teams.
  "users.read": ["admin", "security", "auditor"],
  "users.manage": ["admin"],
  "teams.manage": ["admin"],
  // Ownership of credentials and identities.
  "ownership.assign": ["admin", "security"],
  "ownership.claim": ["admin", "security", "owner"],
  // Risk: the policy is admin-only; a full recompute may also be started by security.
  "risk.recompute": ["admin", "security"],
  // Configuration.
  "connectors.manage": ["admin"],
  "policy.manage": ["admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole | null | undefined, permission: TPermission): boolean {
  if (!role) return false;
  const allowed: readonly TRole[] | undefined = PERMISSIONS[permission];
  return allowed?.includes(role) ?? false;
}

export function permissionsOf(role: TRole): TPermission[] {
  return (Object.keys(PERMISSIONS) as TPermission[]).filter((p) => can(role, p));
}

export const ROLE_LABELS: Record<TRole, { label: string; description: string }> = {
  admin: { label: "Admin", description: "Everything, including connectors, policy and users." },
  security: { label: "Security", description: "Browse all, revoke and rotate, run review campaigns." },
  owner: { label: "Owner", description: "See all; act on the credentials you or your team own." },
  auditor: { label: "Auditor", description: "Read-only everywhere; export reports and verify the audit chain." },
};
