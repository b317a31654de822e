import { stringify } from "csv-stringify/sync";

/**
 * CSV through csv-stringify (RFC 4180 quoting is the library's, never ours). A cell that a
 * spreadsheet would read as a formula (leading = + - @, tab or carriage return; OWASP "CSV
 * injection") is prefixed with a single quote, which spreadsheets show as text and a CSV parser
 * returns verbatim, so the value is still recognisable. Numbers stay numbers.
 */

export type TCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: TCell): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The header line (column titles are ours, but go through the same path). */
export function csvHeader(titles: readonly string[]): string {
  return csvRows([titles.map((t) => t)]);
}

/** A page of rows as CSV lines (CRLF, as RFC 4180 and spreadsheets expect). */
export function csvRows(rows: readonly (readonly TCell[])[]): string {
  if (rows.length === 0) return "";
  return stringify(rows.map((row) => row.map(neutraliseCell)), {
    record_delimiter: "windows",
    // With CRLF records a bare \n or \r is no delimiter to the library, but it is to many readers:
    // quote it, and surrounding spaces too (some readers trim them).
    quoted_match: [/[\r\n]/, /^\s|\s$/],
  });
}
