"use server";

import { breakGlassOperation, decideWorkflowOperation, operateWorkflowOperation, requestWorkflowOperation, revealSecretOperation } from "@/lib/workflows/operations";
import { defineAction } from "@/lib/server/action";

export const requestWorkflowAction = defineAction(requestWorkflowOperation);
export const breakGlassAction = defineAction(breakGlassOperation);
export const decideWorkflowAction = defineAction(decideWorkflowOperation);
export const operateWorkflowAction = defineAction(operateWorkflowOperation);
export const revealSecretAction = defineAction(revealSecretOperation);
