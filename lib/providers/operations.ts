import { ZCreateProvider, ZProviderId, ZSetProviderEnabled, ZUpdateProvider, type TProviderView } from "@/lib/providers/schemas";
import { actorLabel } from "@/lib/auth/actor";
import { deleteProvider, requestProviderSync, setProviderEnabled, testProvider, type TConnectionTest, type TSyncRequested } from "@/lib/providers/services/manage-provider";
import { createProvider, updateProvider } from "@/lib/providers/services/save-provider";
import type { TOperation } from "@/lib/server/execute";

// Admins configure providers; secrets go in and never come back out (TProviderView has none).
export const createProviderOperation: TOperation<typeof ZCreateProvider, TProviderView> = {
  name: "providers.create",
  permission: "connectors.manage",
  input: ZCreateProvider,
  run: ({ tx, input }) => createProvider(tx, input),
};

export const updateProviderOperation: TOperation<typeof ZUpdateProvider, TProviderView> = {
  name: "providers.update",
  permission: "connectors.manage",
  input: ZUpdateProvider,
  run: ({ tx, input }) => updateProvider(tx, input),
};

export const testProviderOperation: TOperation<typeof ZProviderId, TConnectionTest> = {
  name: "providers.test",
  permission: "connectors.manage",
  input: ZProviderId,
  run: ({ tx, input }) => testProvider(tx, input.id),
};

export const setProviderEnabledOperation: TOperation<typeof ZSetProviderEnabled, { id: string; enabled: boolean }> = {
  name: "providers.set_enabled",
  permission: "connectors.manage",
  input: ZSetProviderEnabled,
  run: ({ tx, input }) => setProviderEnabled(tx, input.id, input.enabled),
};

export const deleteProviderOperation: TOperation<typeof ZProviderId, { id: string }> = {
  name: "providers.delete",
  permission: "connectors.manage",
  input: ZProviderId,
  run: ({ tx, input }) => deleteProvider(tx, input.id),
};

export const syncProviderOperation: TOperation<typeof ZProviderId, TSyncRequested> = {
  name: "providers.sync",
  permission: "connectors.manage",
  input: ZProviderId,
  run: ({ tx, input, actor }) => requestProviderSync(tx, input.id, actorLabel(actor)),
};
