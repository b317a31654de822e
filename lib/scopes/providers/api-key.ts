import { defineScopeFamily, rule } from "@/lib/scopes/define-family";
import { oauthScopes } from "@/lib/scopes/providers/oauth";

/**
 * Providers reached with an API key (type `api_key`: Stripe, OpenAI…). Stripe restricted keys grant
 * `resource:read|write` (the OAuth conventions, the fallback); OpenAI project keys grant
 * `api.<area>.read|write|request`. `*` is an unrestricted secret key.
 */

const area = (path: string) => path.replace(/[._]/g, " ");

export const apiKeyScopes = defineScopeFamily({
  id: "api_key",
  label: "API keys",
  caseInsensitive: false,
  fallback: oauthScopes,
  exact: {
    "*": { privilege: "wildcard", reason: "An unrestricted key: every permission of the account" },
    "payouts:write": { privilege: "write", reason: "Sends money out of the account (payouts)" },
    "refunds:write": { privilege: "write", reason: "Refunds charges: money leaves the account" },
  },
  rules: [
    rule(/^api\.([a-z_]+(?:\.[a-z_]+)*)\.read$/, "read", (m) => `Reads ${area(m[1]!)}`),
    rule(/^api\.([a-z_]+(?:\.[a-z_]+)*)\.write$/, "write", (m) => `Creates, changes and deletes ${area(m[1]!)}`),
    // Like AWS's access level for bedrock:InvokeModel: a call spends money but changes no stored data.
    // OpenAI's own errors name it without the prefix ("Missing scopes: model.request").
    rule(/^(?:api\.)?([a-z_]+(?:\.[a-z_]+)*)\.request$/, "read", (m) => `Calls the ${area(m[1]!)} API (spends money; stores nothing)`),
  ],
});
