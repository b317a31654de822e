import { defineScopeFamily } from "@/lib/scopes/define-family";

/**
 * Tokenward's own API keys (lib/api-keys/scopes.ts, provider type `tokenward`). No fallback: an id no
 * longer in that registry grants nothing, and is shown as unknown rather than guessed.
 */
export const tokenwardScopes = defineScopeFamily({
  id: "tokenward",
  label: "Tokenward",
  caseInsensitive: false,
  exact: {
    "inventory:read": { privilege: "read", reason: "Lists and counts credentials, reads the risk policy" },
    "audit:export": { privilege: "read", reason: "Downloads the whole signed audit trail (sensitive read)" },
    "reports:export": { privilege: "read", reason: "Downloads reports (inventory, frameworks, workflows, audit extract) with signed manifests (sensitive read)" },
    "scan:write": { privilege: "write", reason: "Sends MCP config scan reports: creates servers, credentials (source scan) and exposures" },
    "usage:write": { privilege: "write", reason: "Sends usage hops (NDJSON, OTLP): records last use, creates 'seen, not inventoried' credentials, feeds the detectors" },
  },
  rules: [],
});
