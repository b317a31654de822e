import { z } from "zod";
import { parseCredentialListQuery, type TCredentialListQuery } from "@/lib/inventory/query-params";
import { FRAMEWORKS } from "@/lib/risk/frameworks/catalogue";
import { REPORT_FORMATS, REPORT_IDS, type TReportFormat, type TReportId } from "@/lib/reports/catalogue";
import type { TAuditReportFilter } from "@/lib/reports/sources/audit";
import type { TCampaignReportFilter } from "@/lib/reports/sources/campaigns";
import type { TWorkflowReportFilter } from "@/lib/reports/sources/workflows";
import { WORKFLOW_KINDS, WORKFLOW_STATES } from "@/lib/workflows/state-machine";

/**
 * GET /api/v1/reports/export?report=…&format=…[&exportId=uuid]&<the report's filters>.
 * The filters are each report's own: the inventory's are its URL language (lib/inventory/query-params.ts,
 * so an inventory view's query string exports as is); the others are small strict objects. Unknown
 * parameters are refused, never ignored: a manifest must say exactly what was asked.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD (a whole UTC day; `to` includes it) or a full ISO 8601 instant. */
const ZInstant = (edge: "from" | "to") =>
  z
    .string()
    .max(40)
    .refine((s) => (DAY.test(s) || /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(s)) && !Number.isNaN(Date.parse(s)), {
      message: `${edge} must be a date (YYYY-MM-DD) or an ISO 8601 time`,
    })
    .transform((s) => (DAY.test(s) && edge === "to" ? new Date(Date.parse(s) + 86_400_000) : new Date(s)));

const ZRange = z.object({ from: ZInstant("from").optional(), to: ZInstant("to").optional() });

const ZWorkflowFilters = ZRange.extend({
  kind: z.enum(WORKFLOW_KINDS).optional(),
  state: z
    .string()
    .max(400)
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(WORKFLOW_STATES)).min(1).max(WORKFLOW_STATES.length))
    .optional(),
  breakGlass: z.literal("1").transform(() => true as const).optional(),
}).strict();

const ZAuditFilters = ZRange.extend({ action: z.string().min(1).max(100).regex(/^[a-z0-9_.]+$/, "action is an audit action name, like report.export").optional() }).strict();

const ZCampaignFilters = z.object({ campaign: z.uuid({ message: "campaign must be a review campaign id" }).optional() }).strict();

const ZFrameworkFilters = z.object({ framework: z.enum(FRAMEWORKS.map((f) => f.id) as [string, ...string[]]).optional() }).strict();

export type TReportFilters =
  | { report: "inventory"; query: Omit<TCredentialListQuery, "limit" | "after" | "before"> }
  | { report: "frameworks"; framework?: string }
  | { report: "workflows"; filter: TWorkflowReportFilter }
  | { report: "campaigns"; filter: TCampaignReportFilter }
  | { report: "audit"; filter: TAuditReportFilter };

export type TReportRequest = {
  report: TReportId;
  format: TReportFormat;
  exportId: string;
  /** The filter parameters exactly as asked (recorded in the audit event and the manifest). */
  asked: Record<string, string>;
  filters: TReportFilters;
};

const ZHead = z.object({
  report: z.enum(REPORT_IDS, { message: `report must be one of ${REPORT_IDS.join(", ")}` }),
  format: z.enum(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(", ")}` }),
  exportId: z.uuid({ message: "exportId must be a UUID" }).optional(),
});

function checkRange(range: { from?: Date; to?: Date }, ctx: z.RefinementCtx): boolean {
  if (range.from && range.to && range.from >= range.to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "from must be earlier than to" });
    return false;
  }
  return true;
}

export const ZReportExportQuery = z.record(z.string(), z.string()).transform((record, ctx): TReportRequest => {
  const { report, format, exportId, ...asked } = record;
  const head = ZHead.safeParse({ report, format, exportId });
  if (!head.success) {
    for (const issue of head.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  const base = { report: head.data.report, format: head.data.format, exportId: head.data.exportId ?? crypto.randomUUID(), asked };
  const fail = (issues: readonly { path?: PropertyKey[] | string; message: string }[]) => {
    for (const i of issues) ctx.addIssue({ code: "custom", path: typeof i.path === "string" ? (i.path ? [i.path] : []) : (i.path ?? []), message: i.message });
    return z.NEVER;
  };
  switch (head.data.report) {
    case "inventory": {
      // Paging parameters belong to a page of the view, not to the view: the export walks every page.
      const { after: _a, before: _b, limit: _l, ...view } = asked;
      const parsed = parseCredentialListQuery(view);
      if (!parsed.success) return fail(parsed.error.issues);
      const { limit: _limit, ...query } = parsed.data;
      return { ...base, asked: view, filters: { report: "inventory", query } };
    }
    case "frameworks": {
      const parsed = ZFrameworkFilters.safeParse(asked);
      if (!parsed.success) return fail(parsed.error.issues.map((i) => ({ path: i.path as PropertyKey[], message: i.message })));
      return { ...base, filters: { report: "frameworks", framework: parsed.data.framework } };
    }
    case "workflows": {
      const parsed = ZWorkflowFilters.safeParse(asked);
      if (!parsed.success) return fail(parsed.error.issues.map((i) => ({ path: i.path as PropertyKey[], message: i.message })));
      if (!checkRange(parsed.data, ctx)) return z.NEVER;
      return { ...base, filters: { report: "workflows", filter: parsed.data } };
    }
    case "campaigns": {
      const parsed = ZCampaignFilters.safeParse(asked);
      if (!parsed.success) return fail(parsed.error.issues.map((i) => ({ path: i.path as PropertyKey[], message: i.message })));
      return { ...base, filters: { report: "campaigns", filter: { campaignId: parsed.data.campaign } } };
    }
    case "audit": {
      const parsed = ZAuditFilters.safeParse(asked);
      if (!parsed.success) return fail(parsed.error.issues.map((i) => ({ path: i.path as PropertyKey[], message: i.message })));
      if (!checkRange(parsed.data, ctx)) return z.NEVER;
      return { ...base, filters: { report: "audit", filter: parsed.data } };
    }
  }
});

export const ZReportManifestQuery = z.object({ exportId: z.uuid({ message: "exportId must be a UUID" }) }).strict();
