import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvHeader, csvRows, csvRowsByLibrary, neutraliseCell, type TCell } from "@/lib/reports/csv";

/** What a spreadsheet or an auditor's script reads back must be what was written (formulas defused). */

const expected = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

describe("CSV export cells", () => {
  it("round-trips commas, quotes, newlines, Unicode and leading formula characters through a CSV parser", () => {
    const hostile = [
      ["a,b", 'say "hi"', "line1\nline2", "crlf\r\nin cell", "Zoë 🦊 東京", "  padded  "],
      ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"],
      ["plain", "", "a\"\"b", ",", "\"", "'quoted'"],
    ];
    const text = csvHeader(["one", "two", "three", "four", "five", "six"]) + csvRows(hostile);
    const back = parse(text, { bom: false, relax_column_count: false }) as string[][];
    expect(back[0]).toEqual(["one", "two", "three", "four", "five", "six"]);
    expect(back.slice(1)).toEqual(hostile.map((row) => row.map(expected)));
    // The dangerous ones start with a quote now, so no cell begins with = + - @ tab or CR.
    for (const row of back.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("keeps numbers, booleans and nulls readable", () => {
    expect(parse(csvRows([[-5, 0.25, true, null]]))).toEqual([["-5", "0.25", "true", ""]]);
    expect(neutraliseCell("-5")).toBe("'-5");
  });

  it("round-trips any text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const square = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
        const back = parse(csvRows(square), { relax_column_count: false }) as string[][];
        expect(back).toEqual(square.map((row) => row.map(expected)));
      }),
      { numRuns: 300 },
    );
  });

  it("writes exactly the bytes csv-stringify writes, cell for cell (property)", () => {
    const cell: fc.Arbitrary<TCell> = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: fc.constantFrom("a", " ", ",", '"', "\r", "\n", "\t", "=", "-", "+", "@", "'", "\u00a0", "\u2028", "x") }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(""),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(csvRows(rows)).toBe(csvRowsByLibrary(rows));
      }),
      { numRuns: 2000 },
    );
    expect(csvRows([[" lead", "trail ", "a,b", 'q"q', "cr\rx", "lf\nx", "", null, -0, 1e21, true]])).toBe(csvRowsByLibrary([[" lead", "trail ", "a,b", 'q"q', "cr\rx", "lf\nx", "", null, -0, 1e21, true]]));
  });
});
