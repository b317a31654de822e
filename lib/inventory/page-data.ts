import "server-only";
import { cookies } from "next/headers";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { COLUMNS_COOKIE, parseColumnsCookie, type TColumnId } from "@/lib/inventory/columns";
import { isAppError } from "@/lib/errors/app-error";
import { getFilterOptions, listCredentials } from "@/lib/inventory/queries";
import { listQueryToSearchParams, parseListSearchParams, type TCredentialFilter } from "@/lib/inventory/query-params";
import type { TCredentialPage, TEntityLabels, TFilterOptions, TFrameworkOption } from "@/lib/inventory/types";
import { ownershipPermissions, type TOwnershipPermissions } from "@/lib/ownership/permissions";
import { allows } from "@/lib/auth/access";
import { FRAMEWORKS, frameworkItem } from "@/lib/risk/frameworks/catalogue";

/**
 * Everything an inventory page (the inventory, "my credentials") renders on the server: the first
 * page for the URL (seeding the client cache), the filter choices, the names behind ids in the
 * URL, the chosen columns (a cookie, so the first paint has them) and what the actor may do.
 */
export type TInventoryPageData = {
  initial: { queryString: string; page: TCredentialPage } | null;
  options: TFilterOptions;
  frameworks: TFrameworkOption[];
  labels: TEntityLabels;
  columns: TColumnId[];
  /** What the selection bar may offer: ownership controls, and bulk revocation (security, admin). */
  permissions: TOwnershipPermissions & { bulkRevoke: boolean; exportReports: boolean };
  now: number;
};

export function frameworkOptions(): TFrameworkOption[] {
  return FRAMEWORKS.flatMap((f) => f.items.map((item) => ({ id: item.id, label: `${item.id} — ${item.name}`, group: f.shortName })));
}

export async function loadInventoryPageData(
  actor: TActor,
  searchParams: Record<string, string | string[] | undefined>,
  locked: TCredentialFilter = {},
): Promise<TInventoryPageData> {
  const prisma = await db();
  const parsed = parseListSearchParams(searchParams);
  const now = new Date();
  const [options, cookieStore] = await Promise.all([getFilterOptions(prisma, actor), cookies()]);
  let initial: TInventoryPageData["initial"] = null;
  const labels: TEntityLabels = {};
  if (parsed.success) {
    const query = { ...parsed.data, ...locked };
    try {
      initial = { queryString: listQueryToSearchParams(query).toString(), page: await listCredentials(prisma, query, now, actor) };
    } catch (error) {
      // A stale or foreign cursor: the client shows the API's message and a way back to page one.
      if (!isAppError(error)) throw error;
    }
    const [identity, server] = await Promise.all([
      query.identity ? prisma.identity.findUnique({ where: { id: query.identity }, select: { name: true } }) : null,
      query.server ? prisma.mcpServer.findUnique({ where: { id: query.server }, select: { name: true } }) : null,
    ]);
    if (identity) labels.identity = identity.name;
    if (server) labels.server = server.name;
    if (query.framework) labels.framework = frameworkItem(query.framework)?.name;
  }
  return {
    initial,
    options,
    frameworks: frameworkOptions(),
    labels,
    columns: parseColumnsCookie(cookieStore.get(COLUMNS_COOKIE)?.value),
    permissions: { ...ownershipPermissions(actor), bulkRevoke: allows(actor, "workflows.break_glass"), exportReports: allows(actor, "reports.export") },
    now: now.getTime(),
  };
}
