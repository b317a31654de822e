import { parseCron } from "@/lib/jobs/cron";

/**
 * How often a scheduled report runs, as the form asks it (daily / weekly / monthly at a UTC time, or
 * a cron line) and as it is stored: one 5-field UTC cron (lib/jobs/cron.ts, the worker's own
 * scheduler). Client-safe: the form previews the cron it will save.
 */

export type TCadence =
  | { kind: "daily"; time: string }
  | { kind: "weekly"; weekday: number; time: string }
  | { kind: "monthly"; day: number; time: string }
  | { kind: "cron"; expression: string };

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const hm = (time: string) => time.split(":").map(Number) as [number, number];

export function cadenceToCron(cadence: TCadence): string {
  if (cadence.kind === "cron") return cadence.expression.trim().split(/\s+/).join(" ");
  const [h, m] = hm(cadence.time);
  if (cadence.kind === "daily") return `${m} ${h} * * *`;
  if (cadence.kind === "weekly") return `${m} ${h} * * ${cadence.weekday}`;
  return `${m} ${h} ${cadence.day} * *`;
}

/**
 * Why a cron line cannot schedule a report, or null. A report runs at most once an hour (one minute
 * value): an export is real work for the database and every run is mailed.
 */
export function cronProblem(expression: string): string | null {
  try {
    const cron = parseCron(expression);
    if (cron.minute.values.size !== 1) return "a report runs at most once an hour: give the minute as one number (e.g. 0 6 * * 1)";
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "Every Monday at 06:00 UTC" for the crons the form makes; the cron line itself otherwise. */
export function describeCron(expression: string): string {
  const parts = expression.split(" ");
  const [m, h, dom, month, dow] = parts;
  const simple = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);
  if (parts.length === 5 && simple(m) && simple(h) && month === "*") {
    const at = `at ${pad(Number(h))}:${pad(Number(m))} UTC`;
    if (dom === "*" && dow === "*") return `Every day ${at}`;
    if (dom === "*" && simple(dow)) return `Every ${WEEKDAYS[Number(dow)] ?? dow} ${at}`;
    if (simple(dom) && dow === "*") return `Monthly on day ${dom} ${at}`;
  }
  return `cron ${expression} (UTC)`;
}
