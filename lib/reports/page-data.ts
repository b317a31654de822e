import "server-only";
import { FRAMEWORKS } from "@/lib/risk/frameworks/catalogue";
import { WORKFLOW_KINDS, WORKFLOW_STATES } from "@/lib/workflows/state-machine";
import { KIND_LABELS, STATE_LABELS } from "@/lib/workflows/vocabulary";
import type { TReportFormOptions } from "@/components/reports/report-export-form";

/** The Reports page's choices; the default range is the last 30 days (UTC). */
export function reportFormOptions(now: Date, campaigns: TReportFormOptions["campaigns"] = []): TReportFormOptions {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    frameworks: FRAMEWORKS.map((f) => ({ id: f.id, shortName: f.shortName })),
    workflowKinds: WORKFLOW_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
    workflowStates: WORKFLOW_STATES.map((s) => ({ value: s, label: STATE_LABELS[s].label })),
    campaigns,
    defaultFrom: day(new Date(now.getTime() - 30 * 86_400_000)),
    defaultTo: day(now),
  };
}
