import { Check, Minus } from "lucide-react";
import { PERMISSIONS, reachOf, type TPermission, type TRole } from "@/lib/auth/permissions";

// Partial on purpose: a permission added to the table shows (by its id) before it gets a label here.
const PERMISSION_LABELS: Partial<Record<TPermission, string>> = {
  "inventory.read": "View the credential inventory, risk and topology",
  "audit.read": "Read the audit trail",
  "audit.verify": "Verify the audit chain",
  "audit.export": "Export the audit trail",
  "users.read": "View users",
  "users.manage": "Change roles and deactivate users",
  "teams.manage": "Create teams and manage their members",
  "ownership.assign": "Assign owners to credentials, identities and MCP servers",
  "ownership.claim": "Claim ownership of credentials",
  "connectors.manage": "Connect and configure providers",
  "policy.manage": "Change the risk policy",
  "risk.recompute": "Recompute risk scores",
  "api_keys.manage": "Create and revoke Tokenward API keys",
};

/** Mirrors the server's permission table, so people can see why a control is missing. */
export function RolePermissions({ role }: { role: TRole }) {
  const all = Object.keys(PERMISSIONS) as TPermission[];
  return (
    <ul className="grid gap-x-6 gap-y-1.5 sm:grid-cols-2" data-testid="role-permissions">
      {all.map((permission) => {
        const reach = reachOf(role, permission);
        const allowed = reach !== null;
        return (
          <li key={permission} className="flex items-start gap-2 text-ui">
            {allowed ? (
              <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
            ) : (
              <Minus aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground/60" />
            )}
            <span className={allowed ? "text-foreground" : "text-muted-foreground"}>
              {PERMISSION_LABELS[permission] ?? permission}
              {reach === "owned" ? <span className="text-muted-foreground"> — only what you or your team own</span> : null}
              <span className="sr-only">{allowed ? " (allowed)" : " (not allowed for your role)"}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
