import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZProbeChecks, type TProbeCheck } from "@/lib/mcp-servers/probe/schemas";
import type { TProbeSettingsView } from "@/lib/mcp-servers/schemas";

/** The MCP server page's probe card: the probe client (never its secret) and the latest runs. */

export const PROBE_HISTORY = 10;

export type TProbeRunRow = {
  id: string;
  trigger: string;
  requestedBy: string | null;
  startedAt: string;
  finishedAt: string;
  result: string;
  summary: string;
  checks: TProbeCheck[];
};

export type TProbeView = { settings: TProbeSettingsView | null; runs: TProbeRunRow[]; remote: boolean };

export async function getProbeView(prisma: PrismaClient, mcpServerId: string): Promise<TProbeView> {
  const [server, settings, runs] = await Promise.all([
    prisma.mcpServer.findUnique({ where: { id: mcpServerId }, select: { resourceUri: true, transport: true } }),
    prisma.mcpProbeSettings.findUnique({ where: { mcpServerId } }),
    prisma.mcpProbeRun.findMany({ where: { mcpServerId }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: PROBE_HISTORY }),
  ]);
  return {
    remote: Boolean(server?.resourceUri) && server?.transport !== "stdio",
    settings: settings
      ? { tokenEndpoint: settings.tokenEndpoint, clientId: settings.clientId, secretSet: true, otherResource: settings.otherResource, scope: settings.scope, expiryWaitSeconds: settings.expiryWaitSeconds, schedule: settings.schedule }
      : null,
    runs: runs.map((r) => ({
      id: r.id, trigger: r.trigger, requestedBy: r.requestedBy, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt.toISOString(),
      result: r.result, summary: r.summary,
      // Stored by this code; a row that does not parse (a later format) shows its summary only.
      checks: ZProbeChecks.safeParse(r.checks).data ?? [],
    })),
  };
}
