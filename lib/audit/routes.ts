import "server-only";
import { listAuditLog } from "@/lib/audit/queries";
import { ZAuditExportQuery, ZAuditLogQuery, ZAuditSigningQuery } from "@/lib/audit/schemas";
import { readAuditSigningStatus } from "@/lib/audit/signing-status";
import { streamAuditExport } from "@/lib/audit/services/stream-audit-export";
import { defineRoute } from "@/lib/server/route";

export const exportAuditRoute = defineRoute({
  kind: "read",
  name: "audit.export",
  permission: "audit.export",
  query: ZAuditExportQuery,
  audit: () => ({ action: "audit.export", targetType: "audit_chain", summary: { format: "ndjson" } }),
  run: async ({ prisma }) => {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    return new Response(streamAuditExport(prisma), {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="tokenward-audit-${stamp}.ndjson"`,
        "cache-control": "no-store",
      },
    });
  },
});

/** GET /api/v1/audit/signing — key id and newest checkpoint, refetched by the audit page after a verify. */
export const auditSigningStatusRoute = defineRoute({
  kind: "read",
  name: "audit.signing_status",
  permission: "audit.read",
  query: ZAuditSigningQuery,
  run: async ({ prisma }) => readAuditSigningStatus(prisma),
});

/**
 * GET /api/v1/audit/events?actor=&action=&targetType=&targetId=&from=&to=&cursor=&limit= — the audit
 * log as JSON, newest first, keyset-paged (the page's own query; a tampered cursor is a 400).
 */
export const auditEventsRoute = defineRoute({
  kind: "read",
  name: "audit.events",
  permission: "audit.read",
  query: ZAuditLogQuery,
  run: async ({ query, read }) => listAuditLog(query, read),
});
