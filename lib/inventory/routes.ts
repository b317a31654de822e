import "server-only";
import { countCredentials, listCredentialsBody } from "@/lib/inventory/queries";
import { ZCredentialFilter, ZCredentialListQuery } from "@/lib/inventory/schemas";
import { env } from "@/lib/env";

import { defineRoute } from "@/lib/server/route";

// One budget for list and count together: each filter change costs one of each. The rule is read on
// use (env is read lazily; `next build` imports this module).
const inventoryBudget = { bucket: "inventory", rule: () => ({ limit: env().TOKENWARD_INVENTORY_RATE_LIMIT, windowMs: 60_000 }) };

/**
 * The inventory API read by the browser (TanStack Query) and by the benchmark. The list and its
 * count are separate requests: paging never re-counts, and a slow count never delays a page.
 */

/** GET /api/v1/credentials — one keyset page: `{ items, nextCursor, prevCursor }`. */
export const listCredentialsRoute = defineRoute({
  kind: "read",
  name: "inventory.list_credentials",
  permission: "inventory.read",
  query: ZCredentialListQuery,
  rateLimit: inventoryBudget,
  // PostgreSQL writes the JSON body; relaying it as text keeps the app's share of the time small.
  run: async ({ read, query, actor }) =>
    new Response(await listCredentialsBody(read, query, new Date(), actor), { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } }),
});

/** GET /api/v1/credentials/count — `{ value, precision: "exact" | "estimate" | "atLeast" }`. */
export const countCredentialsRoute = defineRoute({
  kind: "read",
  name: "inventory.count_credentials",
  permission: "inventory.read",
  query: ZCredentialFilter,
  rateLimit: inventoryBudget,
  run: ({ prisma, query, actor }) => countCredentials(prisma, query, new Date(), actor),
});
