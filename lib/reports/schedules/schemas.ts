import { z } from "zod";
import { REPORT_FORMATS, REPORT_IDS } from "@/lib/reports/catalogue";
import { ZReportExportQuery } from "@/lib/reports/schemas";
import { cadenceToCron, cronProblem } from "@/lib/reports/schedules/cadence";

/**
 * A scheduled report: the report and its filters in the export route's own language (checked by the
 * same ZReportExportQuery as GET /api/v1/reports/export, at save time and again at every run), a
 * cadence, and recipients — Tokenward users, never free e-mail addresses (who may receive them is
 * checked by the service against their role).
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ZTime = z.string().regex(TIME, "time must be HH:MM (UTC)");

export const ZCadence = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily"), time: ZTime }).strict(),
  z.object({ kind: z.literal("weekly"), weekday: z.number().int().min(0).max(6), time: ZTime }).strict(),
  // Up to the 28th: every month has it.
  z.object({ kind: z.literal("monthly"), day: z.number().int().min(1).max(28), time: ZTime }).strict(),
  z.object({ kind: z.literal("cron"), expression: z.string().min(9).max(100) }).strict(),
]);

/** Filters as a query string ("risk=high&sort=expires"), as on an export link; report/format/exportId are the schedule's own. */
const ZFilters = z
  .string()
  .max(2000)
  .transform((text) => {
    const t = text.trim();
    return Object.fromEntries(new URLSearchParams(t.startsWith("?") ? t.slice(1) : t.includes("?") ? t.slice(t.indexOf("?") + 1) : t));
  });

const RANGED = new Set(["workflows", "audit"]);

export const ZCreateReportSchedule = z
  .object({
    name: z.string().trim().min(1, "name is required").max(120),
    report: z.enum(REPORT_IDS, { message: `report must be one of ${REPORT_IDS.join(", ")}` }),
    format: z.enum(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(", ")}` }),
    filters: ZFilters.default({}),
    rangeDays: z.number().int().min(1).max(366).nullable().default(null),
    cadence: ZCadence,
    recipientIds: z.array(z.uuid({ message: "recipients are Tokenward users (ids), not e-mail addresses" })).min(1, "at least one recipient").max(25),
  })
  .strict()
  .transform((input, ctx) => {
    const cron = cadenceToCron(input.cadence);
    const problem = cronProblem(cron);
    if (problem) ctx.addIssue({ code: "custom", path: ["cadence"], message: problem });
    for (const key of ["report", "format", "exportId"]) {
      if (key in input.filters) ctx.addIssue({ code: "custom", path: ["filters"], message: `filters: ${key} is the schedule's own setting, not a filter` });
    }
    if (input.rangeDays !== null) {
      if (!RANGED.has(input.report)) ctx.addIssue({ code: "custom", path: ["rangeDays"], message: "a rolling window is for the workflow and audit reports" });
      if ("from" in input.filters || "to" in input.filters) ctx.addIssue({ code: "custom", path: ["rangeDays"], message: "give either a rolling window or from/to, not both" });
    }
    const checked = ZReportExportQuery.safeParse({ ...input.filters, report: input.report, format: input.format });
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", path: ["filters"], message: `filters: ${issue.message}` });
    return { ...input, cron, recipientIds: [...new Set(input.recipientIds)] };
  });

export type TCreateReportScheduleInput = z.input<typeof ZCreateReportSchedule>;

export const ZReportScheduleRef = z.object({ scheduleId: z.uuid() }).strict();
export const ZPauseReportSchedule = z.object({ scheduleId: z.uuid(), paused: z.boolean() }).strict();
export const ZReportRunQuery = z.object({ runId: z.uuid({ message: "runId must be a UUID" }) }).strict();
