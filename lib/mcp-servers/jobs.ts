import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { probeAndRecord } from "@/lib/mcp-servers/services/run-server-probe";

/**
 * The scheduled authorization probe: one logical job per MCP server (stable id), on the cron kept
 * in its probe settings. One attempt: a failed run is stored like any other and the next slot tries again.
 */

export const MCP_PROBE_JOB_TYPE = "mcp_servers.probe";

export const ZMcpProbePayload = z.object({ mcpServerId: z.uuid() });

export function mcpProbeJobId(mcpServerId: string): string {
  return `${MCP_PROBE_JOB_TYPE}:${mcpServerId}`;
}

export const mcpProbeJob = defineJob({
  type: MCP_PROBE_JOB_TYPE,
  payload: ZMcpProbePayload,
  stableId: (payload) => mcpProbeJobId(payload.mcpServerId),
  maxAttempts: 1,
  schedules: async (prisma) => {
    const rows = await prisma.mcpProbeSettings.findMany({ where: { schedule: { not: null } }, select: { mcpServerId: true, schedule: true } });
    return rows.map((r) => ({ id: mcpProbeJobId(r.mcpServerId), schedule: r.schedule!, payload: { mcpServerId: r.mcpServerId } }));
  },
  handler: (payload, { prisma }) => probeAndRecord(prisma, payload.mcpServerId, "schedule"),
});
