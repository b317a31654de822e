import "server-only";
import { ZAuditExportQuery, ZAuditSigningQuery } from "@/lib/audit/schemas";
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
