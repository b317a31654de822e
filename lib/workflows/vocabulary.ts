import type { TWorkflowKind, TWorkflowState } from "./state-machine";

/** How states read to people, and the tone of their badge. */
export const STATE_LABELS: Record<TWorkflowState, { label: string; tone: "neutral" | "primary" | "success" | "warning" | "danger" }> = {
  requested: { label: "Waiting for approval", tone: "warning" },
  approved: { label: "Approved", tone: "primary" },
  issuing_new: { label: "Issuing the new credential", tone: "primary" },
  delivering: { label: "Delivering", tone: "primary" },
  verifying_new: { label: "Verifying the new credential", tone: "primary" },
  awaiting_cutover: { label: "Waiting for cut-over", tone: "warning" },
  awaiting_replacement: { label: "Waiting for a replacement", tone: "warning" },
  revoking_old: { label: "Revoking", tone: "primary" },
  verifying_old_revoked: { label: "Verifying the revocation", tone: "primary" },
  rolling_back: { label: "Rolling back", tone: "danger" },
  completed: { label: "Completed", tone: "success" },
  rejected: { label: "Rejected", tone: "neutral" },
  expired: { label: "Expired unapproved", tone: "neutral" },
  failed: { label: "Failed: needs attention", tone: "danger" },
  rolled_back: { label: "Rolled back", tone: "neutral" },
  abandoned: { label: "Abandoned", tone: "neutral" },
};

export const KIND_LABELS: Record<TWorkflowKind, string> = { rotation: "Rotation", revocation: "Revocation" };

/** Timeline entries that are not moves. */
export const EVENT_LABELS: Record<string, string> = {
  requested: "Requested",
  break_glass: "Break-glass: approved at once",
  approve: "Approved",
  reject: "Rejected",
  expire: "Expired unapproved",
  step_started: "Step started",
  step_done: "Step done",
  step_failed: "Step failed",
  step_retry: "Provider error; retrying later",
  step_result_discarded: "A late answer was discarded",
  confirm_cutover: "Cut-over confirmed",
  confirm_replacement: "Replacement confirmed",
  retry: "Retry requested",
  abandon: "Abandoned",
  secret_revealed: "New secret revealed (once)",
  secret_expired: "New secret expired unrevealed",
};

/** What a finished step did, by the step: the timeline's words for "step_done". */
export const STEP_DONE_LABELS: Record<string, string> = {
  approved: "Plan checked against the provider's connector",
  issuing_new: "New credential issued",
  delivering: "New secret held for a one-time reveal",
  verifying_new: "New credential verified active",
  revoking_old: "Old credential revoked",
  verifying_old_revoked: "Revocation verified",
  rolling_back: "New credential revoked (rollback)",
};

/** The timeline's heading for an event: a step's outcome names the step. */
export function eventLabel(type: string, detail: Record<string, unknown>): string {
  const step = typeof detail.step === "string" ? detail.step : null;
  if (type === "step_done" && step && STEP_DONE_LABELS[step]) return STEP_DONE_LABELS[step]!;
  if ((type === "step_failed" || type === "step_retry") && step && step in STATE_LABELS) return `${EVENT_LABELS[type]} (${STATE_LABELS[step as TWorkflowState].label.toLowerCase()})`;
  return EVENT_LABELS[type] ?? type;
}
