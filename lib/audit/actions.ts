"use server";

import { verifyAuditChainOperation } from "@/lib/audit/operations";
import { defineAction } from "@/lib/server/action";

export const verifyAuditChainAction = defineAction(verifyAuditChainOperation);
