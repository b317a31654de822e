import type { TCell } from "@/lib/reports/csv";

/** What every report gives every format: columns, rows page by page, and totals for the PDF's summary. */
export type TReportColumn = { key: string; title: string; /** Share of the PDF table's width; absent = left out of the PDF table. */ pdf?: number };

export type TReportSummary = {
  totals: { label: string; value: number }[];
  chart: { title: string; bars: { label: string; value: number }[] };
};

export type TReportSource = {
  title: string;
  columns: TReportColumn[];
  /** Rows in pages (each page one short query: keyset paging, no transaction held open). */
  pages: () => AsyncGenerator<TCell[][]>;
  /** Fed every row in order; read once at the end (the PDF's cover totals and chart). */
  summary: () => { observe: (row: TCell[]) => void; result: () => TReportSummary };
};

/** Counts values of one column (charts by level, state, action …). */
export function tally(keys: readonly string[] = []) {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  return {
    add: (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1),
    bars: (top = 10) =>
      [...counts.entries()]
        .map(([label, value]) => ({ label, value }))
        .sort((a, b) => (keys.length ? 0 : b.value - a.value))
        .slice(0, top),
  };
}
