/**
 * The inventory's column ids and the cookie that remembers the chosen ones (read on the server,
 * so the first paint already has them). Rendering is in components/inventory/columns.tsx.
 */

export const COLUMN_IDS = ["name", "provider", "kind", "status", "environment", "owner", "team", "risk", "scopes", "expires", "lastUsed", "lastRotated", "created"] as const;
export type TColumnId = (typeof COLUMN_IDS)[number];

/** What fits a laptop screen without scrolling sideways; the chooser adds kind, env, team, rotation, discovery. */
export const DEFAULT_COLUMNS: readonly TColumnId[] = ["name", "provider", "status", "owner", "risk", "expires", "lastUsed"];
export const COLUMNS_COOKIE = "tw_inventory_columns";

export function parseColumnsCookie(value: string | undefined): TColumnId[] {
  if (!value) return [...DEFAULT_COLUMNS];
  const ids = value.split(".").filter((v): v is TColumnId => (COLUMN_IDS as readonly string[]).includes(v));
  return ids.includes("name") ? ids : ["name", ...ids];
}
