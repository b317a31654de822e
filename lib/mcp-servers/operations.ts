import { actorLabel } from "@/lib/auth/actor";
import { ZConfigureProbe, ZMcpServerId, ZRegisterMcpServer, type TProbeSettingsView } from "@/lib/mcp-servers/schemas";
import { configureProbe, registerMcpServer } from "@/lib/mcp-servers/services/manage-server";
import { probeServer, recordProbe, type TProbeRun, type TProbeRunView } from "@/lib/mcp-servers/services/run-server-probe";
import type { TOperation } from "@/lib/server/execute";

// Registering a server and the probe's client (it holds a secret) are admin settings; admins and
// security run the probe. The probe talks to the server in `prepare`, outside the transaction.
export const registerMcpServerOperation: TOperation<typeof ZRegisterMcpServer, { id: string }> = {
  name: "mcp_servers.register",
  permission: "mcp_servers.manage",
  input: ZRegisterMcpServer,
  run: ({ tx, input }) => registerMcpServer(tx, input),
};

export const configureProbeOperation: TOperation<typeof ZConfigureProbe, TProbeSettingsView> = {
  name: "mcp_servers.configure_probe",
  permission: "mcp_servers.manage",
  input: ZConfigureProbe,
  run: ({ tx, input }) => configureProbe(tx, input),
};

export const runProbeOperation: TOperation<typeof ZMcpServerId, TProbeRunView, TProbeRun> = {
  name: "mcp_servers.probe",
  permission: "mcp_servers.probe",
  input: ZMcpServerId,
  prepare: ({ prisma, input }) => probeServer(prisma, input.id),
  run: ({ tx, input, prepared, actor }) => recordProbe(tx, input.id, prepared, "manual", actorLabel(actor)),
};
