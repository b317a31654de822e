import "server-only";
import { auditSigning, type TAuditSigning } from "@/lib/audit/audit-keys";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { actorLabel, type TActor } from "@/lib/auth/actor";
import type { TSqlReader } from "@/lib/db/sql-reader";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";
import { FORMAT_LABELS, REPORTS } from "@/lib/reports/catalogue";
import type { TCell } from "@/lib/reports/csv";
import { ContentDigest, REPORT_MANIFEST_FORMAT, signManifest, type TReportManifest } from "@/lib/reports/manifest";
import { csvBody, jsonBody } from "@/lib/reports/render/bodies";
import { PDF_MAX_ROWS, renderPdf } from "@/lib/reports/render/pdf";
import type { TReportRequest } from "@/lib/reports/schemas";
import { auditSource } from "@/lib/reports/sources/audit";
import { frameworksSource } from "@/lib/reports/sources/frameworks";
import { inventorySource } from "@/lib/reports/sources/inventory";
import { workflowsSource } from "@/lib/reports/sources/workflows";
import { campaignsSource } from "@/lib/reports/sources/campaigns";
import type { TReportSource } from "@/lib/reports/types";

/**
 * One export, streamed: rows page by page (keyset queries, no transaction held open) → CSV / JSON
 * chunks (or, for PDF, a document rendered once the capped rows are in) → the response, hashed on
 * the way out. The stream is pull-driven (a ReadableStream's `pull` runs only when the client has
 * taken the previous chunk), so a slow client slows the database reads instead of filling memory.
 * After the last byte the manifest (lib/reports/manifest.ts) is signed with the audit key and
 * appended to the audit chain as `report.export_completed`; GET /api/v1/reports/manifest serves it.
 */

export const REPORT_COMPLETED_ACTION = "report.export_completed";
export const REPORT_TARGET_TYPE = "report_export";

export type TReportExportDeps = {
  prisma: PrismaClient;
  read: TSqlReader;
  actor: TActor;
  signing?: TAuditSigning;
  now?: Date;
};

export type TReportExport = { stream: ReadableStream<Uint8Array>; filename: string; contentType: string };

function sourceFor(deps: TReportExportDeps, request: TReportRequest, now: Date): TReportSource {
  const f = request.filters;
  switch (f.report) {
    case "inventory":
      return inventorySource(deps.read, f.query, deps.actor, now);
    case "frameworks":
      return frameworksSource(deps.prisma, f.framework);
    case "workflows":
      return workflowsSource(deps.prisma, f.filter);
    case "campaigns":
      return campaignsSource(deps.prisma, f.filter);
    case "audit":
      return auditSource(deps.prisma, f.filter);
  }
}

export function reportFilename(request: Pick<TReportRequest, "report" | "format">, at: Date): string {
  return `tokenward-${request.report}-${at.toISOString().replace(/[:.]/g, "-")}.${request.format}`;
}

export async function startReportExport(deps: TReportExportDeps, request: TReportRequest): Promise<TReportExport> {
  const now = deps.now ?? new Date();
  const signing = deps.signing ?? auditSigning();
  // Read after the route wrote the export's own audit event: the head the manifest names includes it.
  const head = await deps.prisma.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const source = sourceFor(deps, request, now);
  const filename = reportFilename(request, now);
  const summary = source.summary();
  let rowCount = 0;
  const tap = (row: TCell[]) => {
    rowCount++;
    summary.observe(row);
  };
  const jsonHead = { report: request.report, title: source.title, exportId: request.exportId, generatedAt: now.toISOString(), filters: request.asked };

  async function* pdfBody(): AsyncGenerator<Uint8Array> {
    const kept: TCell[][] = [];
    for await (const page of source.pages()) {
      for (const row of page) {
        tap(row);
        if (kept.length < PDF_MAX_ROWS) kept.push(row);
      }
    }
    const pdf = await renderPdf({
      title: source.title,
      subtitle: REPORTS[request.report].description,
      cover: [
        ["Generated", `${now.toISOString().replace("T", " ").slice(0, 19)} UTC`],
        ["Requested by", actorLabel(deps.actor)],
        ["Rows", rowCount.toLocaleString("en")],
        ["Export id", request.exportId],
        ["Audit-chain head", head ? `#${head.seq} ${head.hash}` : "empty chain"],
      ],
      filters: request.asked,
      summary: summary.result(),
      columns: source.columns,
      rows: kept,
      totalRows: rowCount,
    });
    // In slices, so the response still flows in chunks of a reasonable size.
    for (let at = 0; at < pdf.length; at += 64 * 1024) yield pdf.subarray(at, at + 64 * 1024);
  }

  const encoder = new TextEncoder();
  async function* bytes(): AsyncGenerator<Uint8Array> {
    if (request.format === "pdf") return yield* pdfBody();
    const text = request.format === "csv" ? csvBody(source.columns, source.pages(), tap) : jsonBody(jsonHead, source.columns, source.pages(), tap);
    for await (const chunk of text) if (chunk) yield encoder.encode(chunk);
  }

  const iterator = bytes();
  const digest = new ContentDigest();
  const finish = async (): Promise<TReportManifest> => {
    const manifest = signManifest(
      {
        format: REPORT_MANIFEST_FORMAT,
        exportId: request.exportId,
        report: request.report,
        contentFormat: request.format,
        filename,
        filters: request.asked,
        requestedBy: { id: deps.actor.id, label: actorLabel(deps.actor), role: deps.actor.role, apiKeyId: deps.actor.apiKey?.id ?? null },
        generatedAt: now.toISOString(),
        completedAt: new Date().toISOString(),
        rowCount,
        byteLength: digest.byteLength,
        sha256: digest.hex(),
        auditHead: head ? { seq: head.seq.toString(), hash: head.hash } : null,
      },
      signing.signer,
    );
    await deps.prisma.$transaction((tx) =>
      appendAuditEvent(tx, deps.actor, { action: REPORT_COMPLETED_ACTION, targetType: REPORT_TARGET_TYPE, targetId: request.exportId, summary: { manifest } }, { signing }),
    );
    return manifest;
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) {
            // The manifest is written before the last byte is released: a client that got the whole
            // file can always fetch its manifest.
            await finish();
            controller.close();
            return;
          }
          digest.update(next.value);
          controller.enqueue(next.value);
        } catch (error) {
          logger.error("report export failed", { exportId: request.exportId, report: request.report, error: String(error) });
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return(undefined);
      },
    },
    // One chunk (a page of rows) ahead at most.
    { highWaterMark: 1 },
  );
  return { stream, filename, contentType: FORMAT_LABELS[request.format].mime };
}
