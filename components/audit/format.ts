/**
 * Audit times are shown in UTC, to the second, in a sortable form: auditors compare them with logs
 * from other systems, where a local or relative time ("3 hours ago") would be ambiguous.
 */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "alice@example.com (admin)" → { name: "alice@example.com", role: "admin" }; "system" stays whole. */
export function splitActorLabel(label: string): { name: string; role: string | null } {
  const match = /^(.*) \(([a-z_]+)\)$/.exec(label);
  return match ? { name: match[1]!, role: match[2]! } : { name: label, role: null };
}

export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}
