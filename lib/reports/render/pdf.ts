import "server-only";
import PDFDocument from "pdfkit";
import type { TCell } from "@/lib/reports/csv";
import type { TReportColumn, TReportSummary } from "@/lib/reports/types";

/**
 * The PDF: a cover (what, for whom, filters, totals, audit head), a summary page with a bar chart,
 * then the rows as a table, "Page n of N" on every page. pdfkit with its built-in Helvetica (no font
 * file is read or downloaded); Helvetica covers Latin-1 only, so other characters print as "?" here
 * (the CSV and JSON carry them intact). A PDF is read by people: the table stops at PDF_MAX_ROWS and
 * says so, while the totals count every row.
 */

export const PDF_MAX_ROWS = 2_000;

export type TPdfInput = {
  title: string;
  subtitle: string;
  cover: [string, string][];
  filters: Record<string, string>;
  summary: TReportSummary;
  columns: readonly TReportColumn[];
  rows: TCell[][];
  totalRows: number;
};

const INK = "#111827";
const MUTED = "#6b7280";
const ACCENT = "#2563eb";
const RULE = "#d1d5db";

/** Helvetica's WinAnsi repertoire, roughly: printable ASCII and Latin-1 plus common punctuation. */
export function pdfSafe(text: string): string {
  return text.replace(/[^\x20-\x7E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC]/g, "?");
}

function cellText(value: TCell): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  // Instants read better as minutes in a narrow column; the CSV and JSON keep the full ISO value.
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return `${value.slice(0, 10)} ${value.slice(11, 16)}`;
  return pdfSafe(String(value));
}

export async function renderPdf(input: TPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 40, bufferPages: true, info: { Title: input.title, Author: "Tokenward", Subject: input.subtitle } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // Cover.
  doc.fillColor(ACCENT).font("Helvetica-Bold").fontSize(11).text("TOKENWARD REPORT", left, 70);
  doc.moveDown(0.5).fillColor(INK).fontSize(28).text(pdfSafe(input.title));
  doc.moveDown(0.3).fillColor(MUTED).font("Helvetica").fontSize(12).text(pdfSafe(input.subtitle));
  doc.moveDown(1.2);
  for (const [label, value] of input.cover) {
    doc.font("Helvetica-Bold").fillColor(INK).fontSize(10).text(`${pdfSafe(label)}: `, { continued: true }).font("Helvetica").text(pdfSafe(value));
  }
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(10).text("Filters");
  const filters = Object.entries(input.filters);
  doc.font("Helvetica").fillColor(MUTED).text(filters.length ? filters.map(([k, v]) => `${k} = ${v}`).map(pdfSafe).join("   ·   ") : "none (everything)");
  doc.moveDown(0.8).font("Helvetica-Bold").fillColor(INK).text("Totals");
  for (const t of input.summary.totals) doc.font("Helvetica").text(`${pdfSafe(t.label)}: ${t.value.toLocaleString("en")}`);
  doc.moveDown(1).fillColor(MUTED).fontSize(8).text("The file's SHA-256, the audit-chain head and the Ed25519 signature are in its manifest (.manifest.json). Check both offline: npm run report:verify <file> --public-key <audit public key>.");

  // Summary chart.
  doc.addPage();
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(18).text("Summary", left, 50);
  doc.moveDown(0.3).font("Helvetica").fontSize(11).fillColor(MUTED).text(pdfSafe(input.summary.chart.title));
  const bars = input.summary.chart.bars;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const labelWidth = 200;
  const barArea = width - labelWidth - 60;
  let y = doc.y + 16;
  if (bars.every((b) => b.value === 0)) {
    doc.fillColor(MUTED).fontSize(10).text("Nothing to chart: no rows match these filters.", left, y);
    y += 24;
  }
  for (const bar of bars.some((b) => b.value > 0) ? bars : []) {
    doc.fillColor(INK).fontSize(10).text(pdfSafe(bar.label), left, y + 3, { width: labelWidth - 10, lineBreak: false, ellipsis: true });
    const w = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barArea);
    doc.rect(left + labelWidth, y, w, 16).fill(ACCENT);
    doc.fillColor(INK).text(bar.value.toLocaleString("en"), left + labelWidth + w + 6, y + 3, { lineBreak: false });
    y += 24;
  }

  // Table.
  const cols = input.columns.map((c, index) => ({ ...c, index })).filter((c) => c.pdf);
  const share = cols.reduce((s, c) => s + (c.pdf ?? 0), 0);
  const widths = cols.map((c) => ((c.pdf ?? 0) / share) * width);
  const rowHeight = 16;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const header = () => {
    doc.font("Helvetica-Bold").fontSize(8).fillColor(INK);
    let x = left;
    cols.forEach((c, i) => {
      doc.text(pdfSafe(c.title), x + 2, y + 4, { width: widths[i]! - 4, lineBreak: false, ellipsis: true, height: rowHeight });
      x += widths[i]!;
    });
    y += rowHeight;
    doc.moveTo(left, y).lineTo(left + width, y).strokeColor(INK).lineWidth(0.7).stroke();
  };
  doc.addPage();
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(18).text("Rows", left, 50);
  const shown = input.rows.length;
  doc.moveDown(0.3).font("Helvetica").fontSize(10).fillColor(MUTED)
    .text(shown < input.totalRows ? `The first ${shown.toLocaleString("en")} of ${input.totalRows.toLocaleString("en")} rows (the CSV and JSON exports carry every row and column).` : `All ${shown.toLocaleString("en")} rows; the CSV and JSON exports carry every column.`);
  y = doc.y + 8;
  header();
  doc.font("Helvetica").fontSize(8);
  for (const row of input.rows) {
    if (y + rowHeight > bottom()) {
      doc.addPage();
      y = 50;
      header();
      doc.font("Helvetica").fontSize(8);
    }
    let x = left;
    doc.fillColor(INK);
    cols.forEach((c, i) => {
      doc.text(cellText(row[c.index] ?? null), x + 2, y + 4, { width: widths[i]! - 4, lineBreak: false, ellipsis: true, height: rowHeight });
      x += widths[i]!;
    });
    y += rowHeight;
    doc.moveTo(left, y).lineTo(left + width, y).strokeColor(RULE).lineWidth(0.4).stroke();
  }
  if (shown === 0) doc.fillColor(MUTED).text("No rows match these filters.", left, y + 6);

  // Page numbers, once the page count is known (bufferPages).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(`${pdfSafe(input.title)}  ·  Page ${i + 1} of ${range.count}`, left, doc.page.height - 28, { width, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
