import { defineFactor } from "@/lib/risk/factors/define-factor";
import { plural } from "@/lib/risk/factors/format";

/**
 * The MCP authorization spec forbids token passthrough: a server must not forward the token it was
 * given to another API. Detected from usage traces: the same credential presented to an MCP server
 * and then used by that server toward another target in the same trace.
 */
export const passthrough = defineFactor({
  id: "passthrough",
  title: "Token passthrough observed",
  description: "An MCP server received this credential and forwarded it to another target (MCP spec: servers MUST NOT pass tokens through).",
  frameworks: ["ASI03", "NHI9", "MAESTRO-L3", "MAESTRO-L7", "PR.AA", "DE.CM"],
  example: "Trace 4bf92f3577b34da6: presented to jira-mcp (https://mcp.acme.example/jira) then forwarded by it to api.github.com",
  params: {
    points: { type: "points", label: "Points" },
  },
  defaults: { enabled: true, points: 75 },
  evaluate: (_c, ctx, s) => {
    const { traces, sample } = ctx.usage.passthrough;
    if (traces < 1 || !sample) return null;
    const audience = sample.serverAudience ? ` (${sample.serverAudience})` : "";
    const more = traces > 1 ? `; ${plural(traces, "such trace")} in the usage window` : "";
    return {
      points: s.points,
      evidence: `Trace ${sample.traceId.slice(0, 16)}: presented to ${sample.server}${audience} then forwarded by it to ${sample.upstream}${more}`,
      remediation: `Stop ${sample.server} forwarding client tokens: give it its own credential for ${sample.upstream} (token exchange, RFC 8693) and make it validate the audience of tokens it receives.`,
    };
  },
});
