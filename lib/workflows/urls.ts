import type { TWorkflowListQuery } from "./schemas";

/** The workflows list's address for a query: what the view tabs, filters and pager link to. */
export function workflowsHref(query: Partial<TWorkflowListQuery>): string {
  const params = new URLSearchParams();
  if (query.view && query.view !== "open") params.set("view", query.view);
  if (query.kind) params.set("kind", query.kind);
  if (query.breakGlass) params.set("breakGlass", "1");
  if (query.provider) params.set("provider", query.provider);
  if (query.cursor) params.set("cursor", query.cursor);
  const qs = params.toString();
  return qs ? `/workflows?${qs}` : "/workflows";
}
