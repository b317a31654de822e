/**
 * A small 5-field cron ("minute hour day-of-month month day-of-week", UTC): `*`, `*\/n`, `a-b`,
 * `a-b/n` and comma lists. Enough for "every day at 00:10"; no names, no seconds. As in classic
 * cron, when both day fields are restricted a day matches if either does.
 */

type TField = { values: Set<number>; any: boolean };
export type TCron = { minute: TField; hour: TField; dom: TField; month: TField; dow: TField; source: string };

const RANGES = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
] as const;
const NAMES = ["minute", "hour", "day of month", "month", "day of week"];

function parseField(text: string, index: number): TField {
  const [min, max] = RANGES[index]!;
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cron ${NAMES[index]}: cannot read "${part}"`);
    const from = match[1] === "*" ? min : Number(match[2]);
    const to = match[1] === "*" ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : from;
    const step = match[4] !== undefined ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`cron ${NAMES[index]}: "${part}" is outside ${min}-${max}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return { values, any: text === "*" };
}

export function parseCron(expression: string): TCron {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${expression}": expected 5 fields (minute hour day-of-month month day-of-week)`);
  const [minute, hour, dom, month, dow] = fields.map((f, i) => parseField(f, i)) as [TField, TField, TField, TField, TField];
  return { minute, hour, dom, month, dow, source: expression };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

function dayMatches(cron: TCron, day: Date): boolean {
  if (!cron.month.values.has(day.getUTCMonth() + 1)) return false;
  const domOk = cron.dom.values.has(day.getUTCDate());
  const dowOk = cron.dow.values.has(day.getUTCDay());
  if (cron.dom.any && cron.dow.any) return true;
  if (cron.dom.any) return dowOk;
  if (cron.dow.any) return domOk;
  return domOk || dowOk;
}

/** The latest slot at or before `now`, or null if none in the past ~13 months. */
export function previousSlot(cron: TCron, now: Date): Date | null {
  const hours = [...cron.hour.values].sort((a, b) => b - a);
  const minutes = [...cron.minute.values].sort((a, b) => b - a);
  const startOfToday = Math.floor(now.getTime() / DAY) * DAY;
  for (let d = 0; d <= 400; d++) {
    const day = new Date(startOfToday - d * DAY);
    if (!dayMatches(cron, day)) continue;
    for (const h of hours) {
      for (const m of minutes) {
        const slot = day.getTime() + h * 3_600_000 + m * MINUTE;
        if (slot <= now.getTime()) return new Date(slot);
      }
    }
  }
  return null;
}
