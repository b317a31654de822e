import { defineFactor } from "@/lib/risk/factors/define-factor";
import { graded, plural, quoteList } from "@/lib/risk/factors/format";
import type { THolderKind } from "@/lib/risk/model";

const HOLDER_NOUNS: Record<THolderKind, [string, string]> = {
  agent: ["agent", "agents"],
  mcp_server: ["MCP server", "MCP servers"],
  mcp_client: ["MCP client", "MCP clients"],
  service_account: ["service account", "service accounts"],
  app: ["app", "apps"],
  bot: ["bot", "bots"],
};
const ORDER: THolderKind[] = ["agent", "mcp_server", "mcp_client", "service_account", "app", "bot"];

/** OWASP NHI9 / ASI03: one secret in several hands means one leak compromises all of them and no log tells them apart. */
export const shared = defineFactor({
  id: "shared",
  title: "Shared or reused",
  description: "The same credential is held by several consumers, or presented toward several audiences.",
  frameworks: ["NHI9", "ASI03", "MAESTRO-L7", "PR.AA"],
  example: "Used by 3 agents, 2 MCP servers",
  params: {
    minHolders: { type: "count", label: "Holders before it counts", min: 2, max: 1000 },
    minAudiences: { type: "count", label: "Audiences before it counts", min: 2, max: 1000 },
    points: { type: "points", label: "Points", hint: "At the threshold; up to +40 % with 4 holders or audiences beyond it" },
  },
  defaults: { enabled: true, minHolders: 2, minAudiences: 2, points: 30 },
  evaluate: (_c, ctx, s) => {
    const { holders } = ctx;
    const manyHolders = holders.total >= s.minHolders;
    const manyAudiences = holders.audiences.length >= s.minAudiences;
    if (!manyHolders && !manyAudiences) return null;
    const parts: string[] = [];
    if (manyHolders) {
      const kinds = ORDER.filter((k) => (holders.byKind[k] ?? 0) > 0).map((k) => {
        const n = holders.byKind[k] ?? 0;
        return `${n} ${HOLDER_NOUNS[k][n === 1 ? 0 : 1]}`;
      });
      parts.push(`Used by ${kinds.length ? kinds.join(", ") : plural(holders.total, "holder")}`);
    }
    if (manyAudiences) parts.push(`presented toward ${holders.audiences.length} audiences (${quoteList(holders.audiences)})`);
    return {
      points: graded(s.points, Math.max(manyHolders ? (holders.total - s.minHolders) / 4 : 0, manyAudiences ? (holders.audiences.length - s.minAudiences) / 4 : 0)),
      evidence: parts.join("; "),
      remediation: "Give each consumer its own credential, bound to the one audience it needs; then revoke the shared one.",
    };
  },
});
