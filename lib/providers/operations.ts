import { ZCreateProvider, ZProviderId, ZSetProviderEnabled, ZUpdateProvider, type TProviderView } from "@/lib/providers/schemas";
import { actorLabel } from "@/lib/auth/actor";
import { deleteProvider, recordProviderTest, requestProviderSync, setProviderEnabled, testProvider, type TConnectionTest, type TSyncRequested } from "@/lib/providers/services/manage-provider";
import { createProvider, prepareCreate, prepareUpdate, updateProvider, type TTestedInput, type TTestedUpdate } from "@/lib/providers/services/save-provider";
import type { TOperation } from "@/lib/server/execute";

// Admins configure providers; secrets go in and never come back out (TProviderView has none).
// The connection is tested in `prepare`, outside the transaction: a slow provider holds no lock.
export const createProviderOperation: TOperation<typeof ZCreateProvider, TProviderView, TTestedInput> = {
  name: "providers.create",
  permission: "connectors.manage",
  input: ZCreateProvider,
  prepare: ({ prisma, input }) => prepareCreate(prisma, input),
  run: ({ tx, input, prepared }) => createProvider(tx, input, prepared),
};

export const updateProviderOperation: TOperation<typeof ZUpdateProvider, TProviderView, TTestedUpdate> = {
  name: "providers.update",
  permission: "connectors.manage",
  input: ZUpdateProvider,
  prepare: ({ prisma, input }) => prepareUpdate(prisma, input),
  run: ({ tx, input, prepared }) => updateProvider(tx, input, prepared),
};

export const testProviderOperation: TOperation<typeof ZProviderId, TConnectionTest, TConnectionTest> = {
  name: "providers.test",
  permission: "connectors.manage",
  input: ZProviderId,
  prepare: ({ prisma, input }) => testProvider(prisma, input.id),
  run: ({ tx, input, prepared }) => recordProviderTest(tx, input.id, prepared),
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
