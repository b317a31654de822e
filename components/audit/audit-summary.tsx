import { jsonEqual } from "@/lib/audit/diff";

/**
 * Renders an event's free-form summary compactly. The common shape is { before, after, …context };
 * changed fields read "field before → after", other keys read "key value". Long values (ids, hashes)
 * are shortened, with the full value in the title.
 */

type TRecord = Record<string, unknown>;

function isRecord(value: unknown): value is TRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compact(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value.length > 28 ? `${value.slice(0, 12)}…` : value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return `[${value.map(compact).join(", ")}]`;
  if (isRecord(value)) {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${compact(v)}`)
      .join(", ")} }`;
  }
  return String(value);
}

function full(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function Value({ value, tone = "default" }: { value: unknown; tone?: "default" | "before" }) {
  return (
    <span title={full(value)} className={tone === "before" ? "text-muted-foreground line-through decoration-muted-foreground/50" : "text-foreground"}>
      {compact(value)}
    </span>
  );
}

export function AuditSummary({ summary }: { summary: unknown }) {
  if (!isRecord(summary) || Object.keys(summary).length === 0) return <span className="text-muted-foreground">—</span>;

  const { before, after, ...context } = summary;
  const beforeRec = isRecord(before) ? before : {};
  const afterRec = isRecord(after) ? after : {};
  // A field equal on both sides is not a change (lib/audit/diff.ts): listed, "team — → —" reads as one.
  const changedKeys = [...new Set([...Object.keys(beforeRec), ...Object.keys(afterRec)])].filter(
    (key) => !isRecord(before) || !isRecord(after) || Object.hasOwn(beforeRec, key) !== Object.hasOwn(afterRec, key) || !jsonEqual(beforeRec[key], afterRec[key]),
  );
  const hasBefore = isRecord(before);

  return (
    <ul className="flex max-w-md flex-col gap-0.5">
      {changedKeys.map((key) => (
        <li key={`change-${key}`} className="flex flex-wrap items-baseline gap-x-1.5">
          <span className="font-mono text-xs text-muted-foreground">{key}</span>
          {hasBefore ? (
            <>
              <Value value={beforeRec[key]} tone="before" />
              <span aria-label="changed to" className="text-muted-foreground">
                →
              </span>
            </>
          ) : null}
          <Value value={afterRec[key]} />
        </li>
      ))}
      {Object.entries(context).map(([key, value]) => (
        <li key={`ctx-${key}`} className="flex flex-wrap items-baseline gap-x-1.5">
          <span className="font-mono text-xs text-muted-foreground">{key}</span>
          <Value value={value} />
        </li>
      ))}
    </ul>
  );
}
