import { defineScopeFamily, rule } from "@/lib/scopes/define-family";

/**
 * Slack OAuth scopes (`resource:action`, exact). `*:history` only reads, but it reads every message
 * of the conversations it covers, so its reason says so.
 */

const CONVERSATIONS: Record<string, string> = { channels: "public channels", groups: "private channels", im: "direct messages", mpim: "group direct messages" };
const where = (resource: string) => CONVERSATIONS[resource] ?? resource.replace(/[._]/g, " ");

export const slackScopes = defineScopeFamily({
  id: "slack",
  label: "Slack",
  caseInsensitive: false,
  exact: {
    admin: { privilege: "admin", reason: "Workspace administration (legacy admin scope)" },
    client: { privilege: "admin", reason: "Everything the user's Slack client can do (legacy scope)" },
    bot: { privilege: "write", reason: "A legacy bot's whole API surface: reads and posts wherever it is invited" },
    "users:read.email": { privilege: "read", reason: "Reads every member's e-mail address (personal data)" },
    "chat:write": { privilege: "write", reason: "Posts messages in the conversations it is in" },
    "channels:manage": { privilege: "write", reason: "Creates, renames and archives public channels" },
    "incoming-webhook": { privilege: "write", reason: "Posts messages to one channel" },
    commands: { privilege: "write", reason: "Adds slash commands" },
    openid: { privilege: "read", reason: "Signs the user in (Sign in with Slack)" },
    profile: { privilege: "read", reason: "Reads the user's name and picture" },
    email: { privilege: "read", reason: "Reads the user's e-mail address" },
  },
  rules: [
    rule(/^admin(\.[a-z_.]+)?(:[a-z_.]+)?$/, "admin", "Organisation-level administration API (Enterprise Grid)"),
    rule(/^([a-z_]+):history$/, "read", (m) => `Reads the message history of ${where(m[1]!)} (sensitive read: every message)`),
    rule(/^identity\.[a-z_]+$/, "read", "Reads the signed-in user's identity"),
    rule(/^([a-z_.]+):read(\.[a-z_]+)?$/, "read", (m) => `Reads ${where(m[1]!)}`),
    rule(/^([a-z_.]+):write(\.[a-z_]+)?$/, "write", (m) => `Writes ${where(m[1]!)}`),
    rule(/^([a-z_.]+):manage$/, "write", (m) => `Creates and manages ${where(m[1]!)}`),
  ],
});
