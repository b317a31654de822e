import "server-only";
import { ownerSearch } from "@/lib/owners/queries";
import { ZOwnerSearchQuery } from "@/lib/owners/schemas";
import { defineRoute } from "@/lib/server/route";

/**
 * GET /api/v1/owners?kind=user|team&q=…&limit=…[&credentialIds=a,b|identityId=…|mcpServerId=…] —
 * the owner picker: `{ items, suggestions }`. For whoever may assign owners (owners too: they hand
 * over their own credentials); e-mail addresses only for roles with users.read.
 */
export const searchOwnersRoute = defineRoute({
  kind: "read",
  name: "owners.search",
  permission: "ownership.assign",
  query: ZOwnerSearchQuery,
  run: ({ prisma, actor, query }) => ownerSearch(prisma, actor, query),
});
