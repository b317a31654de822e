import { ZCreateApiKey, ZRevokeApiKey } from "@/lib/api-keys/schemas";
import { createApiKey, type TCreatedApiKey } from "@/lib/api-keys/services/create-api-key";
import { revokeApiKey, type TRevokedApiKey } from "@/lib/api-keys/services/revoke-api-key";
import type { TOperation } from "@/lib/server/execute";

/** Admins create API keys; the token is in this result only (never stored, never logged). */
export const createApiKeyOperation: TOperation<typeof ZCreateApiKey, TCreatedApiKey> = {
  name: "api_keys.create",
  permission: "api_keys.manage",
  input: ZCreateApiKey,
  run: ({ tx, actor, input }) => createApiKey(tx, actor, input),
};

export const revokeApiKeyOperation: TOperation<typeof ZRevokeApiKey, TRevokedApiKey> = {
  name: "api_keys.revoke",
  permission: "api_keys.manage",
  input: ZRevokeApiKey,
  run: ({ tx, actor, input }) => revokeApiKey(tx, actor, input.id),
};
