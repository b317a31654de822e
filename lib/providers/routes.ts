import "server-only";
import { readProviderSyncStatus } from "@/lib/providers/queries";
import { ZProviderSyncQuery } from "@/lib/providers/schemas";
import { defineRoute } from "@/lib/server/route";

/** GET /api/v1/providers/sync?id= — a provider's sync progress, polled by its page while it runs. */
export const providerSyncStatusRoute = defineRoute({
  kind: "read",
  name: "providers.sync.status",
  permission: "providers.read",
  query: ZProviderSyncQuery,
  run: async ({ prisma, query }) => readProviderSyncStatus(prisma, query.id),
});
