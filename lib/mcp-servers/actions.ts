"use server";

import { configureProbeOperation, registerMcpServerOperation, runProbeOperation } from "@/lib/mcp-servers/operations";
import { defineAction } from "@/lib/server/action";

export const registerMcpServerAction = defineAction(registerMcpServerOperation);
export const configureProbeAction = defineAction(configureProbeOperation);
export const runProbeAction = defineAction(runProbeOperation);
