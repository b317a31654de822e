/**
 * THE mapping from an audit target to the page that shows it: the audit log, an event's detail and
 * the History panels link targets through this one function. Entity pages take UUIDs; anything else
 * in target_id (a job name, "active", a malformed value) links to the list page, never to a URL
 * built from unchecked text.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Target types with a detail page of their own, by id. */
const DETAIL_PAGES: Record<string, string> = {
  credential: "/inventory",
  identity: "/identities",
  mcp_server: "/mcp-servers",
  provider: "/providers",
  workflow: "/workflows",
  workflow_batch: "/workflows/batches",
};

/** Target types shown on a list or settings page (no page per row). */
const LIST_PAGES: Record<string, string> = {
  user: "/settings/users",
  team: "/settings/teams",
  api_key: "/settings/api-keys",
  risk_policy: "/settings/policy",
  rotation_policy: "/settings/rotation",
  delivery_target: "/settings/delivery",
  audit_chain: "/audit",
  report_export: "/reports",
  exposure: "/exposures",
};

/** The entity types that carry a History panel (their detail pages). */
export const HISTORY_TARGET_TYPES = ["credential", "identity", "mcp_server", "provider", "workflow"] as const;
export type THistoryTargetType = (typeof HISTORY_TARGET_TYPES)[number];

export function targetHref(targetType: string, targetId: string | null | undefined): string | null {
  const detail = DETAIL_PAGES[targetType];
  if (detail) return targetId && UUID.test(targetId) ? `${detail}/${targetId.toLowerCase()}` : detail.replace(/\/batches$/, "");
  return LIST_PAGES[targetType] ?? null;
}

/** Human names for target types in filters and headings. */
export const TARGET_TYPE_LABELS: Record<string, string> = {
  credential: "Credential",
  identity: "Identity",
  mcp_server: "MCP server",
  provider: "Provider",
  workflow: "Workflow",
  workflow_batch: "Workflow batch",
  credential_batch: "Credential batch",
  user: "User",
  team: "Team",
  api_key: "API key",
  risk_policy: "Risk policy",
  rotation_policy: "Rotation policy",
  delivery_target: "Delivery target",
  audit_chain: "Audit chain",
  report_export: "Report export",
  exposure: "Exposure",
  scan: "Scan",
  job: "Job",
  notification: "Notification",
  operation: "Operation",
  route: "Route",
  usage: "Usage",
};

export function targetTypeLabel(type: string): string {
  return TARGET_TYPE_LABELS[type] ?? type.replace(/_/g, " ");
}
