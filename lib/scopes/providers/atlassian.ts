import { defineScopeFamily, rule } from "@/lib/scopes/define-family";

/**
 * Atlassian Cloud OAuth 2.0 scopes, classic (`read:jira-work`, `manage:jira-configuration`) and
 * granular (`read:issue:jira`, `delete:page:confluence`). Exact, lower-case; the level is the prefix.
 * `manage:` administers a product (projects, workflows, permission schemes), so it is admin.
 */

const what = (rest: string) => rest.replace(/[-:._]/g, " ").replace(/\s+/g, " ").trim();

export const atlassianScopes = defineScopeFamily({
  id: "atlassian",
  label: "Atlassian",
  caseInsensitive: false,
  exact: {
    "manage:jira-configuration": { privilege: "admin", reason: "Jira administration: workflows, fields, permission schemes" },
    "manage:jira-project": { privilege: "admin", reason: "Creates, edits and deletes Jira projects and their settings" },
    "manage:jira-webhook": { privilege: "admin", reason: "Registers webhooks: where Jira events are sent" },
    "report:personal-data": { privilege: "read", reason: "Reports which personal data the app stores" },
    offline_access: { privilege: "read", reason: "Gets refresh tokens: access outlives the user's session" },
  },
  rules: [
    rule(/^manage:([a-z0-9.:_-]+)$/, "admin", (m) => `Administers ${what(m[1]!)}`),
    rule(/^admin:([a-z0-9.:_-]+)$/, "admin", (m) => `Administers ${what(m[1]!)}`),
    rule(/^delete:([a-z0-9.:_-]+)$/, "write", (m) => `Deletes ${what(m[1]!)}`),
    rule(/^write:([a-z0-9.:_-]+)$/, "write", (m) => `Creates and edits ${what(m[1]!)}`),
    rule(/^(read|search):([a-z0-9.:_-]+)$/, "read", (m) => `Reads ${what(m[2]!)}`),
  ],
});
