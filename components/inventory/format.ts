/**
 * Formatting for the inventory. Absolute times are UTC (what auditors compare with provider logs);
 * relative ones ("in 3 d", "5 d ago") are for scanning a list. Durations use d / h / min.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const numberFormat = new Intl.NumberFormat("en-US");
const compactFormat = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function formatCompact(n: number): string {
  return n < 10_000 ? numberFormat.format(n) : compactFormat.format(n);
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatUtc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "3 d", "5 h", "12 min", "2 y 1 mo" — the magnitude of a duration, coarsest units first. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return "< 1 min";
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) return `${Math.floor(abs / HOUR)} h`;
  const days = Math.floor(abs / DAY);
  if (days < 120) return `${days} d`;
  if (days < 730) return `${Math.floor(days / 30.44)} mo`;
  return `${(days / 365.25).toFixed(1).replace(/\.0$/, "")} y`;
}

export function formatRelative(iso: string, now: number): string {
  const diff = new Date(iso).getTime() - now;
  if (Math.abs(diff) < MINUTE) return "just now";
  return diff > 0 ? `in ${formatDuration(diff)}` : `${formatDuration(diff)} ago`;
}

/** A precise countdown for the detail page: "12 d 4 h 3 min", "3 h 12 min 5 s". */
export function formatCountdown(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  const s = Math.floor((abs % MINUTE) / 1000);
  if (d > 0) return `${d} d ${h} h ${m} min`;
  if (h > 0) return `${h} h ${m} min ${s} s`;
  return `${m} min ${s} s`;
}

/** The count line under the table: exact, "about 1.2M" (planner estimate) or "more than 10,000". */
export function formatCount(count: { value: number; precision: "exact" | "estimate" | "atLeast" }): string {
  if (count.precision === "exact") return formatNumber(count.value);
  if (count.precision === "atLeast") return `more than ${formatNumber(count.value)}`;
  return `about ${formatCompact(roundEstimate(count.value))}`;
}

/** Estimates are rounded to two significant digits: more digits would claim a precision they lack. */
export function roundEstimate(n: number): number {
  if (n < 100) return n;
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
