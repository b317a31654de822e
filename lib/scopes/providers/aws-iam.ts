import { defineScopeFamily, rule } from "@/lib/scopes/define-family";
import type { TPrivilege } from "@/lib/scopes/privileges";

/**
 * AWS IAM policy actions (`service:Action`, `*` wildcards). Action names are case-insensitive in
 * IAM, so is this family. An action's class comes from its verb, the way AWS's own "access level"
 * column reads: Get/List/Describe read, Put/Create/Delete… write; writes to IAM and Organizations
 * decide who may do what, so they are admin.
 */

const READ_VERBS = ["Get", "List", "Describe", "Query", "Scan", "Search", "Select", "Lookup", "BatchGet", "Filter", "Head", "Receive", "Download", "Verify", "View", "Check"];
const WRITE_VERBS = [
  "Put", "Create", "Delete", "Update", "Modify", "Send", "Publish", "Start", "Stop", "Run", "Terminate", "Reboot", "Invoke", "Execute",
  "Tag", "Untag", "Attach", "Detach", "Associate", "Disassociate", "Add", "Remove", "Set", "Replace", "Reset", "Restore", "Copy", "Upload",
  "Import", "Enable", "Disable", "Register", "Deregister", "Cancel", "Change", "Authorize", "Revoke", "Encrypt", "Generate", "Sign",
  "Subscribe", "Unsubscribe", "Purge", "Accept", "Reject", "Apply", "BatchWrite", "BatchDelete", "Write", "Pass",
];
const VERBS: [string, "read" | "write"][] = [
  ...READ_VERBS.map((v) => [v.toLowerCase(), "read"] as [string, "read"]),
  ...WRITE_VERBS.map((v) => [v.toLowerCase(), "write"] as [string, "write"]),
  // Longest first, so BatchGet wins over a shorter verb that is its prefix.
].sort((a, b) => b[0].length - a[0].length);

/** Services whose writes change permissions, accounts or identities. */
const ADMIN_SERVICES = new Set(["iam", "organizations", "sso", "sso-directory", "identitystore", "account"]);

function verbOf(action: string): "read" | "write" | null {
  const lower = action.toLowerCase();
  for (const [verb, cls] of VERBS) if (lower.startsWith(verb)) return cls;
  return null;
}

function serviceLabel(service: string): string {
  return service.length <= 3 ? service.toUpperCase() : service;
}

function actionPrivilege(service: string, verb: "read" | "write" | null): TPrivilege | null {
  if (verb === null) return null;
  return verb === "write" && ADMIN_SERVICES.has(service.toLowerCase()) ? "admin" : verb;
}

function actionReason(service: string, action: string, privilege: TPrivilege): string {
  const s = serviceLabel(service);
  if (privilege === "admin") return `${s} ${action}: changes who may do what in the account`;
  return privilege === "read" ? `${s} ${action}: reads ${s} data or configuration` : `${s} ${action}: changes ${s} data or resources`;
}

export const awsIamScopes = defineScopeFamily({
  id: "aws_iam",
  label: "AWS IAM",
  caseInsensitive: true,
  exact: {
    "*": { privilege: "wildcard", reason: "Every action on every AWS service" },
    "iam:*": { privilege: "wildcard", reason: "Every IAM action, including granting itself any other permission" },
    "iam:PassRole": { privilege: "admin", reason: "Hands an IAM role to a service: runs code with that role's permissions" },
    "sts:AssumeRole": { privilege: "write", reason: "Takes on another role: as broad as the roles its policy lets it assume" },
    "kms:Decrypt": { privilege: "read", reason: "Decrypts data under the key: a read of whatever the key protects (sensitive)" },
    "kms:CreateGrant": { privilege: "admin", reason: "Lets other principals use the key" },
    "kms:PutKeyPolicy": { privilege: "admin", reason: "Rewrites who may use or manage the key" },
    "s3:PutBucketPolicy": { privilege: "admin", reason: "Rewrites who may access the bucket, including making it public" },
    "lambda:AddPermission": { privilege: "admin", reason: "Lets other accounts or services invoke the function" },
    "secretsmanager:GetSecretValue": { privilege: "read", reason: "Reads secret values (sensitive read)" },
    "logs:PutLogEvents": { privilege: "write", reason: "Appends log events" },
  },
  rules: [
    rule(/^([a-z0-9-]+):\*$/, "wildcard", (m) => `Every ${serviceLabel(m[1]!)} action, today's and any added later`),
    // A partial wildcard is as narrow as the verb before it; `s3:*Object` or `s3:P*` could be anything.
    rule(/^([a-z0-9-]+):([a-z]*)\*[a-z0-9]*$/, (m) => actionPrivilege(m[1]!, verbOf(m[2]!)) ?? "wildcard", (m) => {
      const p = actionPrivilege(m[1]!, verbOf(m[2]!));
      const s = serviceLabel(m[1]!);
      return p === null ? `Matches ${s} actions of every kind (${m[0]})` : `Every ${s} action starting ${m[2]} (${p === "read" ? "reads" : "changes"})`;
    }),
    rule(/^([a-z0-9-]+):([a-z][a-z0-9]*)$/, (m) => actionPrivilege(m[1]!, verbOf(m[2]!)), (m) => actionReason(m[1]!, m[2]!, actionPrivilege(m[1]!, verbOf(m[2]!))!)),
  ],
});
