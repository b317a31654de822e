import { defineScopeFamily, rule } from "@/lib/scopes/define-family";

/**
 * GitHub: classic OAuth / PAT scopes ("Scopes for OAuth apps": `repo`, `read:org`, `admin:org`…) and
 * fine-grained PAT / GitHub App permissions (`contents:read`, `administration:write`). Scope names
 * are exact, lower-case strings. Classic prefixes read `admin:` > `write:` > `read:`; fine-grained
 * permissions put the level last.
 */

const NOUNS: Record<string, string> = {
  org: "the organisation, its teams and members", repo_hook: "repository webhooks (where events are sent)", org_hook: "organisation webhooks",
  public_key: "the user's SSH keys", gpg_key: "the user's GPG keys", ssh_signing_key: "the user's SSH signing keys", user: "the user's profile",
};
const label = (name: string) => NOUNS[name] ?? name.replace(/_/g, " ");

export const githubScopes = defineScopeFamily({
  id: "github",
  label: "GitHub",
  caseInsensitive: false,
  exact: {
    // Classic scopes without a level prefix.
    repo: { privilege: "write", reason: "Full control of private repositories, including code push" },
    "repo:status": { privilege: "write", reason: "Reads and writes commit statuses" },
    repo_deployment: { privilege: "write", reason: "Reads and writes deployment statuses" },
    public_repo: { privilege: "write", reason: "Writes to public repositories, including code push" },
    "repo:invite": { privilege: "write", reason: "Accepts or declines repository invitations" },
    security_events: { privilege: "write", reason: "Reads and writes code scanning alerts" },
    delete_repo: { privilege: "admin", reason: "Deletes repositories" },
    "delete:packages": { privilege: "admin", reason: "Deletes packages, including versions others depend on" },
    gist: { privilege: "write", reason: "Creates and edits gists" },
    notifications: { privilege: "read", reason: "Reads notifications (and marks them read)" },
    user: { privilege: "write", reason: "Reads and writes the user's profile" },
    "user:email": { privilege: "read", reason: "Reads the user's e-mail addresses" },
    "user:follow": { privilege: "write", reason: "Follows and unfollows users" },
    project: { privilege: "write", reason: "Reads and writes projects" },
    workflow: { privilege: "write", reason: "Changes GitHub Actions workflow files: code that runs with the repository's secrets" },
    codespace: { privilege: "write", reason: "Creates and manages codespaces" },
    copilot: { privilege: "write", reason: "Manages Copilot settings" },
    site_admin: { privilege: "admin", reason: "GitHub Enterprise Server site administration" },
    audit_log: { privilege: "read", reason: "Reads the audit log" },
    // Fine-grained permissions whose write level administers rather than writes.
    "administration:write": { privilege: "admin", reason: "Repository settings, collaborators, branch protection, and deletion" },
    "secrets:write": { privilege: "admin", reason: "Sets the Actions secrets workflows run with" },
    "dependabot_secrets:write": { privilege: "admin", reason: "Sets the secrets Dependabot runs with" },
    "environments:write": { privilege: "admin", reason: "Manages deployment environments, their secrets and protection rules" },
    "repository_hooks:write": { privilege: "admin", reason: "Manages webhooks: where repository events are sent" },
    "members:write": { privilege: "admin", reason: "Manages organisation members and teams" },
    "organization_administration:write": { privilege: "admin", reason: "Organisation settings" },
    "organization_secrets:write": { privilege: "admin", reason: "Sets organisation-wide Actions secrets" },
    "organization_hooks:write": { privilege: "admin", reason: "Manages organisation webhooks" },
    "organization_self_hosted_runners:write": { privilege: "admin", reason: "Manages the machines workflows run on" },
    "organization_custom_roles:write": { privilege: "admin", reason: "Defines organisation roles" },
    "organization_personal_access_tokens:write": { privilege: "admin", reason: "Approves and revokes members' fine-grained tokens" },
    "workflows:write": { privilege: "write", reason: "Changes GitHub Actions workflow files: code that runs with the repository's secrets" },
    "contents:write": { privilege: "write", reason: "Pushes code, creates branches and releases" },
    "actions:write": { privilege: "write", reason: "Runs, re-runs and cancels workflows, deletes their logs and artifacts" },
  },
  rules: [
    rule(/^admin:([a-z_]+)$/, "admin", (m) => `Full control of ${label(m[1]!)}`),
    rule(/^manage_([a-z_]+):([a-z_]+)$/, "admin", (m) => `Manages ${label(m[1]!)} of the ${label(m[2]!)}`),
    rule(/^write:([a-z_]+)$/, "write", (m) => `Reads and writes ${label(m[1]!)}`),
    rule(/^read:([a-z_]+)$/, "read", (m) => `Reads ${label(m[1]!)}`),
    rule(/^([a-z_]+):read$/, "read", (m) => `Reads ${label(m[1]!)}`),
    rule(/^([a-z_]+):write$/, "write", (m) => `Reads and writes ${label(m[1]!)}`),
    rule(/^([a-z_]+):admin$/, "admin", (m) => `Administers ${label(m[1]!)}`),
  ],
});
