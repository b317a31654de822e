import "server-only";
import { actorLabel, type TActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { decryptSecret } from "@/lib/connectors/secrets";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { runProbe, type TProbeOptions } from "@/lib/mcp-servers/probe/run-probe";
import type { TProbeClient, TProbeOutcome } from "@/lib/mcp-servers/probe/schemas";
import { probeSecretRowId } from "@/lib/mcp-servers/services/manage-server";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TRunOutcome, TTx } from "@/lib/server/execute";

/**
 * One probe of one MCP server: `probeServer` talks to the server (outside any transaction: it may
 * wait for timeouts and for a token to expire), `recordProbe` stores the run (append-only history),
 * the summary on the server, and rescores the credentials presented to it — the risk engine's
 * "no audience binding" reads `last_probe_audience_gap`.
 */

export type TProbeRun = { outcome: TProbeOutcome; startedAt: Date; finishedAt: Date };
export type TProbeRunView = { runId: string; result: TProbeOutcome["result"]; summary: string; failed: string[] };

export async function probeServer(prisma: PrismaClient, serverId: string, options: Omit<TProbeOptions, "client"> = {}): Promise<TProbeRun> {
  const server = await prisma.mcpServer.findUnique({ where: { id: serverId }, select: { name: true, resourceUri: true, transport: true, probeSettings: true } });
  if (!server) throw new AppError("NOT_FOUND", "No such MCP server.");
  if (!server.resourceUri || server.transport === "stdio") throw new AppError("CONFLICT", `${server.name} is not a remote server: there is nothing to probe.`);
  let client: TProbeClient | null = null;
  const s = server.probeSettings;
  if (s) {
    let secret: unknown;
    try {
      secret = decryptSecret(s.encryptedSecret, probeSecretRowId(s.id));
    } catch {
      throw new AppError("CONFLICT", `The probe client's secret for ${server.name} cannot be decrypted (key missing or data altered): enter it again.`);
    }
    const clientSecret = (secret as { clientSecret?: unknown })?.clientSecret;
    if (typeof clientSecret !== "string") throw new AppError("CONFLICT", `The probe client's secret for ${server.name} is unreadable: enter it again.`);
    client = { tokenEndpoint: s.tokenEndpoint, clientId: s.clientId, clientSecret, otherResource: s.otherResource, scope: s.scope, expiryWaitSeconds: s.expiryWaitSeconds };
  }
  const startedAt = new Date();
  const outcome = await runProbe(server.resourceUri, { ...options, client });
  return { outcome, startedAt, finishedAt: new Date() };
}

export async function recordProbe(
  tx: TTx,
  serverId: string,
  run: TProbeRun,
  trigger: "manual" | "schedule",
  requestedBy: string | null,
): Promise<TRunOutcome<TProbeRunView>> {
  const server = await tx.mcpServer.findUnique({ where: { id: serverId }, select: { id: true, name: true, resourceUri: true } });
  if (!server) throw new AppError("NOT_FOUND", "The MCP server was deleted while it was probed.");
  const { outcome } = run;
  const created = await tx.mcpProbeRun.create({
    data: {
      mcpServerId: serverId, trigger, requestedBy, startedAt: run.startedAt, finishedAt: run.finishedAt,
      result: outcome.result, summary: outcome.summary, checks: outcome.checks,
    },
    select: { id: true },
  });
  await tx.mcpServer.update({
    where: { id: serverId },
    data: {
      lastProbeAt: run.finishedAt, lastProbeResult: outcome.result, lastProbeDetail: outcome.summary,
      // A run that could not reach the server says nothing new about its audience checks.
      ...(outcome.result === "error" ? {} : { lastProbeAudienceGap: outcome.audienceGap, protectedResourceMetadata: storedMetadata(outcome) }),
    },
  });
  const presented = await tx.binding.findMany({ where: { targetMcpServerId: serverId }, select: { credentialId: true }, distinct: ["credentialId"] });
  if (presented.length > 0) await recomputeCredentials(tx, presented.map((b) => b.credentialId), { now: run.finishedAt });
  const failed = outcome.checks.filter((c) => c.status === "fail").map((c) => c.id);
  return {
    data: { runId: created.id, result: outcome.result, summary: outcome.summary, failed },
    audit: { targetType: "mcp_server", targetId: serverId, summary: { name: server.name, url: server.resourceUri, trigger, runId: created.id, result: outcome.result, failed } },
  };
}

/** The fields of the server's metadata worth keeping (the document came from outside: nothing else of it is stored). */
function storedMetadata(outcome: TProbeOutcome): Prisma.InputJsonValue | undefined {
  const m = outcome.protectedResourceMetadata;
  if (!m) return undefined;
  const { resource, authorization_servers, scopes_supported, bearer_methods_supported, resource_name } = m;
  return JSON.parse(JSON.stringify({ resource, authorization_servers, scopes_supported, bearer_methods_supported, resource_name })) as Prisma.InputJsonValue;
}

/** The scheduled path: probe, then record and audit (as the system) in one transaction. */
export async function probeAndRecord(prisma: PrismaClient, serverId: string, trigger: "manual" | "schedule", by: TActor | null = null): Promise<TProbeRunView> {
  const run = await probeServer(prisma, serverId);
  return prisma.$transaction(async (tx) => {
    const outcome = await recordProbe(tx, serverId, run, trigger, by ? actorLabel(by) : null);
    const audits = Array.isArray(outcome.audit) ? outcome.audit : [outcome.audit];
    for (const a of audits) await appendAuditEvent(tx, by, { ...a, action: a.action ?? "mcp_servers.probe" });
    return outcome.data;
  });
}
