"use server";

import { createApiKeyOperation, revokeApiKeyOperation } from "@/lib/api-keys/operations";
import { defineAction } from "@/lib/server/action";

export const createApiKeyAction = defineAction(createApiKeyOperation);
export const revokeApiKeyAction = defineAction(revokeApiKeyOperation);
