import { stringify, type Options } from "csv-stringify/sync";

/**
 * CSV through csv-stringify (RFC 4180 quoting is the library's, never ours). A cell that a
 * spreadsheet would read as a formula (leading = + - @, tab or carriage return; OWASP "CSV
 * injection") is prefixed with a single quote, which spreadsheets show as text and a CSV parser
 * returns verbatim, so the value is still recognisable. Numbers stay numbers.
 *
 * Fast path: a cell with no quote, comma, CR, LF and no leading or trailing space is one the library
 * writes verbatim, so it is written as is; only the others go through the library. csv-stringify
 * spends ~30 µs a row on tuples and context objects per field; at a million rows that was half the
 * export's time and most of its garbage (bench:export). csv.test.ts checks, byte for byte on random
 * rows, that the output is the library's.
 */

export type TCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: TCell): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const OPTIONS: Options = {
  record_delimiter: "windows",
  // With CRLF records a bare \n or \r is no delimiter to the library, but it is to many readers:
  // quote it, and surrounding spaces too (some readers trim them).
  quoted_match: [/[\r\n]/, /^\s|\s$/],
};

/** What the library would quote (or otherwise change): the same tests as its own, in one pass. */
const NEEDS_LIBRARY = /[",\r\n]|^\s|\s$/;

/** The library's rendering of one cell (without the record delimiter). */
function quotedCell(value: string): string {
  return stringify([[value]], OPTIONS).slice(0, -2);
}

// = + - @ tab CR: FORMULA_START by character code (this runs for every cell of a million rows).
const FORMULA_CODES = new Set([61, 43, 45, 64, 9, 13]);

function textCell(value: string): string {
  const text = value.length > 0 && FORMULA_CODES.has(value.charCodeAt(0)) ? `'${value}` : value;
  return NEEDS_LIBRARY.test(text) ? quotedCell(text) : text;
}

function line(row: readonly TCell[]): string {
  const cells = new Array<string>(row.length);
  for (let i = 0; i < row.length; i++) {
    const cell = row[i] ?? null;
    cells[i] = cell === null ? "" : typeof cell === "number" ? `${cell}` : typeof cell === "boolean" ? (cell ? "true" : "false") : textCell(cell);
  }
  return cells.join(",");
}

/** The header line (column titles are ours, but go through the same path). */
export function csvHeader(titles: readonly string[]): string {
  return csvRows([titles.map((t) => t)]);
}

/** A page of rows as CSV lines (CRLF, as RFC 4180 and spreadsheets expect). */
export function csvRows(rows: readonly (readonly TCell[])[]): string {
  if (rows.length === 0) return "";
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = line(rows[i]!);
  return `${lines.join("\r\n")}\r\n`;
}

/** The library on whole rows: the reference the fast path is tested against. */
export function csvRowsByLibrary(rows: readonly (readonly TCell[])[]): string {
  if (rows.length === 0) return "";
  return stringify(rows.map((row) => row.map(neutraliseCell)), OPTIONS);
}
