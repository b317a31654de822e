import "server-only";
import { ZAuditExportQuery } from "@/lib/audit/schemas";
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
