import "server-only";
import { randomUUID } from "node:crypto";
import { encryptSecret } from "@/lib/connectors/secrets";
import { AppError } from "@/lib/errors/app-error";
import type { TConfigureProbe, TProbeSettingsView, TRegisterMcpServer } from "@/lib/mcp-servers/schemas";
import type { TRunOutcome, TTx } from "@/lib/server/execute";

/** The AAD of a probe client's secret: a ciphertext copied onto another row does not decrypt. */
export function probeSecretRowId(settingsId: string): string {
  return `mcp-probe:${settingsId}`;
}

/** A remote MCP server typed in by an admin (discovery finds the others): streamable HTTP, OAuth. */
export async function registerMcpServer(tx: TTx, input: TRegisterMcpServer): Promise<TRunOutcome<{ id: string }>> {
  if (await tx.mcpServer.findUnique({ where: { resourceUri: input.url }, select: { id: true } })) {
    throw new AppError("CONFLICT", `An MCP server at ${input.url} is already registered.`, { fieldErrors: { url: ["This URL is registered already"] } });
  }
  const server = await tx.mcpServer.create({
    data: { name: input.name, resourceUri: input.url, transport: "streamable_http", authMode: "oauth", environment: input.environment },
    select: { id: true },
  });
  return { data: { id: server.id }, audit: { targetType: "mcp_server", targetId: server.id, summary: { name: input.name, url: input.url, environment: input.environment } } };
}

export async function configureProbe(tx: TTx, input: TConfigureProbe): Promise<TRunOutcome<TProbeSettingsView>> {
  const server = await tx.mcpServer.findUnique({ where: { id: input.id }, select: { id: true, name: true, resourceUri: true, transport: true, probeSettings: true } });
  if (!server) throw new AppError("NOT_FOUND", "No such MCP server.");
  if (!server.resourceUri || server.transport === "stdio") throw new AppError("CONFLICT", `${server.name} is not a remote server: there is nothing to probe.`);
  const before = server.probeSettings;
  if (!before && !input.clientSecret) throw new AppError("VALIDATION", "Client secret is required", { fieldErrors: { clientSecret: ["Client secret is required"] } });
  const id = before?.id ?? randomUUID();
  const data = {
    tokenEndpoint: input.tokenEndpoint, clientId: input.clientId, otherResource: input.otherResource, scope: input.scope,
    expiryWaitSeconds: input.expiryWaitSeconds, schedule: input.schedule,
    ...(input.clientSecret ? { encryptedSecret: encryptSecret({ clientSecret: input.clientSecret }, probeSecretRowId(id)) } : {}),
  };
  if (before) await tx.mcpProbeSettings.update({ where: { id }, data });
  else await tx.mcpProbeSettings.create({ data: { id, mcpServerId: server.id, ...data, encryptedSecret: data.encryptedSecret! } });
  const view: TProbeSettingsView = {
    tokenEndpoint: data.tokenEndpoint, clientId: data.clientId, secretSet: true, otherResource: data.otherResource, scope: data.scope,
    expiryWaitSeconds: data.expiryWaitSeconds, schedule: data.schedule,
  };
  const { secretSet: _s, ...after } = view;
  void _s;
  return {
    data: view,
    audit: {
      targetType: "mcp_server", targetId: server.id,
      summary: {
        name: server.name,
        before: before ? { tokenEndpoint: before.tokenEndpoint, clientId: before.clientId, otherResource: before.otherResource, scope: before.scope, expiryWaitSeconds: before.expiryWaitSeconds, schedule: before.schedule } : null,
        after, secretReplaced: Boolean(input.clientSecret),
      },
    },
  };
}
