import { csvHeader, csvRows, type TCell } from "@/lib/reports/csv";
import type { TReportColumn } from "@/lib/reports/types";

/** CSV and JSON bodies: one chunk per page of rows, so the stream never holds more than a page. */

export type TRowTap = (row: TCell[]) => void;

export async function* csvBody(columns: readonly TReportColumn[], pages: AsyncIterable<TCell[][]>, tap: TRowTap): AsyncGenerator<string> {
  yield csvHeader(columns.map((c) => c.title));
  for await (const page of pages) {
    for (const row of page) tap(row);
    yield csvRows(page);
  }
}

/** `{ "report", "title", "exportId", "generatedAt", "filters", "columns", "rows": [ {…}, … ] }`. */
export async function* jsonBody(head: Record<string, unknown>, columns: readonly TReportColumn[], pages: AsyncIterable<TCell[][]>, tap: TRowTap): AsyncGenerator<string> {
  const opening = JSON.stringify({ ...head, columns: columns.map((c) => ({ key: c.key, title: c.title })) });
  yield `${opening.slice(0, -1)},"rows":[`;
  let first = true;
  for await (const page of pages) {
    const parts: string[] = [];
    for (const row of page) {
      tap(row);
      const object: Record<string, TCell> = {};
      columns.forEach((c, i) => (object[c.key] = row[i] ?? null));
      parts.push(`${first ? "" : ","}\n${JSON.stringify(object)}`);
      first = false;
    }
    yield parts.join("");
  }
  yield "\n]}\n";
}
