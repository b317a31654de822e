/**
 * THE workflow state machine (DESIGN.md "Workflows"), pure: which state follows which, on what
 * event, and nothing else. The executor (lib/workflows/services) performs each step's provider call
 * and then asks this module where to go; an event a state does not accept is refused, so an order
 * the invariants forbid (the old credential revoked before the new one is verified and delivered)
 * cannot be written down at all.
 *
 * Rotation, when the provider can issue:
 *   requested → approved → issuing_new → delivering → verifying_new → awaiting_cutover
 *     → revoking_old → verifying_old_revoked → completed
 * Rotation, when it cannot (GitHub fine-grained PATs): the owner creates the replacement and says so
 *   requested → approved → awaiting_replacement → revoking_old → verifying_old_revoked → completed
 * Revocation (break-glass: born approved):
 *   requested → approved → revoking_old → verifying_old_revoked → completed
 * Off the happy path: rejected and expired (before approval), failed (a step's error, with the step;
 * retry returns to it, abandon ends it), rolling_back → rolled_back (the new credential could not be
 * delivered or verified: it is revoked and the old one is left untouched).
 */

export const WORKFLOW_KINDS = ["rotation", "revocation"] as const;
export type TWorkflowKind = (typeof WORKFLOW_KINDS)[number];

export const WORKFLOW_STATES = [
  "requested",
  "approved",
  "issuing_new",
  "delivering",
  "verifying_new",
  "awaiting_cutover",
  "awaiting_replacement",
  "revoking_old",
  "verifying_old_revoked",
  "rolling_back",
  "completed",
  "rejected",
  "expired",
  "failed",
  "rolled_back",
  "abandoned",
] as const;
export type TWorkflowState = (typeof WORKFLOW_STATES)[number];

/** States in which the worker acts (a provider call); the others wait for a person or are final. */
export const STEP_STATES = ["approved", "issuing_new", "delivering", "verifying_new", "revoking_old", "verifying_old_revoked", "rolling_back"] as const satisfies readonly TWorkflowState[];
export type TStepState = (typeof STEP_STATES)[number];

export const TERMINAL_STATES = ["completed", "rejected", "expired", "rolled_back", "abandoned"] as const satisfies readonly TWorkflowState[];

/** States waiting for a person: approval, cut-over confirmation, a replacement, or a decision after a failure. */
export const WAITING_STATES = ["requested", "awaiting_cutover", "awaiting_replacement", "failed"] as const satisfies readonly TWorkflowState[];

export type TWorkflowEvent =
  | { type: "approve" }
  | { type: "reject" }
  | { type: "expire" }
  /** The step in the current state succeeded. */
  | { type: "step_done" }
  /** The step failed for good (not retryable, or its retries are spent). */
  | { type: "step_failed" }
  | { type: "confirm_cutover" }
  | { type: "confirm_replacement" }
  | { type: "retry" }
  | { type: "abandon" }
  /** The new secret was neither revealed nor delivered in time: take the new credential back. */
  | { type: "secret_expired" };
export type TWorkflowEventType = TWorkflowEvent["type"];

/** What the machine needs to know about the workflow besides its state. */
export type TMachineContext = {
  kind: TWorkflowKind;
  /** The provider can issue a replacement (connector `issue`/`rotate` supported for this kind). */
  canIssue: boolean;
  /** For `retry`: the step that failed. */
  failedStep?: TStepState | null;
};

export type TTransition = { ok: true; to: TWorkflowState } | { ok: false; reason: string };

const ok = (to: TWorkflowState): TTransition => ({ ok: true, to });
const no = (reason: string): TTransition => ({ ok: false, reason });

/** Where a successful step leads. */
function afterStep(state: TStepState, ctx: TMachineContext): TWorkflowState {
  switch (state) {
    case "approved":
      if (ctx.kind === "revocation") return "revoking_old";
      return ctx.canIssue ? "issuing_new" : "awaiting_replacement";
    case "issuing_new":
      return "delivering";
    case "delivering":
      return "verifying_new";
    case "verifying_new":
      return "awaiting_cutover";
    case "revoking_old":
      return "verifying_old_revoked";
    case "verifying_old_revoked":
      return "completed";
    case "rolling_back":
      return "rolled_back";
  }
}

/**
 * Where a step that failed for good leads. Once a new credential exists but cannot be delivered or
 * verified it is taken back (rolled back); a rollback or a revocation that fails stops at `failed`
 * for a person to retry or abandon. Nothing here ever moves toward revoking the old credential.
 */
function afterFailure(state: TStepState): TWorkflowState {
  return state === "delivering" || state === "verifying_new" ? "rolling_back" : "failed";
}

export function transition(state: TWorkflowState, event: TWorkflowEvent, ctx: TMachineContext): TTransition {
  if ((TERMINAL_STATES as readonly string[]).includes(state)) return no(`The workflow is ${state}: nothing more can happen to it.`);
  switch (event.type) {
    case "approve":
      return state === "requested" ? ok("approved") : no(`Only a requested workflow can be approved (this one is ${state}).`);
    case "reject":
      return state === "requested" ? ok("rejected") : no(`Only a requested workflow can be rejected (this one is ${state}).`);
    case "expire":
      return state === "requested" ? ok("expired") : no(`Only a workflow waiting for approval expires (this one is ${state}).`);
    case "step_done":
      return isStep(state) ? ok(afterStep(state, ctx)) : no(`${state} is not a step the worker runs.`);
    case "step_failed":
      return isStep(state) ? ok(afterFailure(state)) : no(`${state} is not a step the worker runs.`);
    case "confirm_cutover":
      return state === "awaiting_cutover" ? ok("revoking_old") : no(`Cut-over is confirmed only once the new credential is delivered and verified (this one is ${state}).`);
    case "confirm_replacement":
      return state === "awaiting_replacement" ? ok("revoking_old") : no(`A replacement is confirmed only when the workflow waits for one (this one is ${state}).`);
    case "retry":
      if (state !== "failed") return no(`Only a failed workflow can be retried (this one is ${state}).`);
      return ctx.failedStep ? ok(ctx.failedStep) : no("The failed step is not recorded, so it cannot be retried.");
    case "abandon":
      return state === "failed" ? ok("abandoned") : no(`Only a failed workflow can be abandoned (this one is ${state}).`);
    case "secret_expired":
      return state === "awaiting_cutover" ? ok("rolling_back") : no(`Only a new secret waiting for its owner can expire (this workflow is ${state}).`);
  }
}

export function isStep(state: TWorkflowState): state is TStepState {
  return (STEP_STATES as readonly string[]).includes(state);
}

export function isTerminal(state: TWorkflowState): boolean {
  return (TERMINAL_STATES as readonly string[]).includes(state);
}

/** States in which the old credential may already be revoked: never before the new one was delivered and verified. */
export const OLD_REVOKED_FROM: readonly TWorkflowState[] = ["revoking_old", "verifying_old_revoked", "completed"];
