import type { TCredentialFilter, TFilterKey } from "@/lib/inventory/query-params";
import type { TEntityLabels, TFilterOptions } from "@/lib/inventory/types";
import {
  ENVIRONMENT_LABELS,
  IDENTITY_KIND_LABELS,
  KIND_LABELS,
  RISK_LEVEL_LABELS,
  STATUS_LABELS,
} from "@/lib/inventory/vocabulary";
import { PRIVILEGE_LABELS } from "@/lib/scopes/privileges";

/** Human labels for the active filters (the chips above the table). */

export type TFilterChip = { key: TFilterKey; label: string; value: string };


export function describeFilter(filter: TCredentialFilter, options: TFilterOptions, labels: TEntityLabels = {}): TFilterChip[] {
  const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? `${id.slice(0, 8)}…`;
  const chips: TFilterChip[] = [];
  const push = (key: TFilterKey, label: string, value: string) => chips.push({ key, label, value });
  if (filter.q) push("q", "Search", `“${filter.q}”`);
  if (filter.status) push("status", "Status", filter.status.map((s) => STATUS_LABELS[s]).join(", "));
  if (filter.provider) push("provider", "Provider", filter.provider.map((id) => name(options.providers, id)).join(", "));
  if (filter.kind) push("kind", "Kind", filter.kind.map((k) => KIND_LABELS[k]).join(", "));
  if (filter.env) push("env", "Environment", filter.env.map((e) => ENVIRONMENT_LABELS[e]).join(", "));
  if (filter.risk) push("risk", "Risk", filter.risk.map((r) => RISK_LEVEL_LABELS[r]).join(", "));
  if (filter.owner) push("owner", "Owner", filter.owner === "none" ? "No owner" : name(options.users, filter.owner));
  if (filter.team) push("team", "Team", filter.team[0] === "none" ? "No team" : filter.team.map((id) => name(options.teams, id)).join(", "));
  if (filter.mine) push("mine", "Owned by", "you or your team");
  if (filter.orphaned) push("orphaned", "Orphaned", "no team, no active owner");
  if (filter.holder) push("holder", "Held by", filter.holder.map((k) => IDENTITY_KIND_LABELS[k]).join(", "));
  if (filter.identity) push("identity", "Identity", labels.identity ?? `${filter.identity.slice(0, 8)}…`);
  if (filter.server) push("server", "MCP server", labels.server ?? `${filter.server.slice(0, 8)}…`);
  if (filter.framework) push("framework", "Framework", labels.framework ? `${filter.framework} · ${labels.framework}` : filter.framework);
  if (filter.factor) push("factor", "Risk factor", options.factors.find((f) => f.id === filter.factor)?.name ?? filter.factor);
  if (filter.expiresWithin !== undefined) push("expiresWithin", "Expires", `within ${filter.expiresWithin} d`);
  if (filter.neverExpires) push("neverExpires", "Expires", "never");
  if (filter.autoRefresh) push("autoRefresh", "Auto-refreshing", filter.autoRefresh === "only" ? "only" : "left out");
  if (filter.lastUsedBefore) push("lastUsedBefore", "Last used", `before ${filter.lastUsedBefore}`);
  if (filter.lastUsedAfter) push("lastUsedAfter", "Last used", `since ${filter.lastUsedAfter}`);
  if (filter.neverUsed) push("neverUsed", "Last used", "never");
  if (filter.unusedFor !== undefined) push("unusedFor", "Unused", `for ${filter.unusedFor} d or more`);
  if (filter.exposed) push("exposed", "Exposed", "found in clear");
  if (filter.shared) push("shared", "Shared", "more than one holder");
  if (filter.scope) push("scope", "Scope contains", `“${filter.scope}”`);
  if (filter.privilege) push("privilege", "Grants", filter.privilege.map((p) => PRIVILEGE_LABELS[p].toLowerCase()).join(" or "));
  return chips;
}

export function withoutKey(filter: TCredentialFilter, key: TFilterKey): TCredentialFilter {
  const next = { ...filter };
  delete next[key];
  return next;
}
