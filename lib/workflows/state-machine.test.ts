import { describe, expect, it } from "vitest";
import { isStep, OLD_REVOKED_FROM, STEP_STATES, TERMINAL_STATES, transition, WORKFLOW_STATES, type TMachineContext, type TWorkflowEvent, type TWorkflowState } from "./state-machine";

const EVENTS: TWorkflowEvent[] = [
  { type: "approve" },
  { type: "reject" },
  { type: "expire" },
  { type: "step_done" },
  { type: "step_failed" },
  { type: "confirm_cutover" },
  { type: "confirm_replacement" },
  { type: "retry" },
  { type: "abandon" },
  { type: "secret_expired" },
];

const ROTATE: TMachineContext = { kind: "rotation", canIssue: true };
const REPLACE: TMachineContext = { kind: "rotation", canIssue: false };
const REVOKE: TMachineContext = { kind: "revocation", canIssue: true };

/** Every legal move, written out by hand: anything not listed must be refused. */
const LEGAL: Record<string, Partial<Record<TWorkflowEvent["type"], TWorkflowState>>> = {
  "rotation:requested": { approve: "approved", reject: "rejected", expire: "expired" },
  "rotation:approved": { step_done: "issuing_new", step_failed: "failed" },
  "rotation:issuing_new": { step_done: "delivering", step_failed: "failed" },
  "rotation:delivering": { step_done: "verifying_new", step_failed: "rolling_back" },
  "rotation:verifying_new": { step_done: "awaiting_cutover", step_failed: "rolling_back" },
  "rotation:awaiting_cutover": { confirm_cutover: "revoking_old", secret_expired: "rolling_back" },
  "rotation:awaiting_replacement": { confirm_replacement: "revoking_old" },
  "rotation:revoking_old": { step_done: "verifying_old_revoked", step_failed: "failed" },
  "rotation:verifying_old_revoked": { step_done: "completed", step_failed: "failed" },
  "rotation:rolling_back": { step_done: "rolled_back", step_failed: "failed" },
  "rotation:failed": { retry: "issuing_new", abandon: "abandoned" },
};

describe("workflow state machine", () => {
  it("allows exactly the listed moves of a rotation, from every state on every event", () => {
    for (const state of WORKFLOW_STATES) {
      for (const event of EVENTS) {
        const result = transition(state, event, { ...ROTATE, failedStep: "issuing_new" });
        const expected = LEGAL[`rotation:${state}`]?.[event.type];
        if (expected) expect(result, `${state} --${event.type}-->`).toEqual({ ok: true, to: expected });
        else {
          expect(result.ok, `${state} --${event.type}--> must be refused`).toBe(false);
          if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
        }
      }
    }
  });

  it("a revocation goes from approval straight to revoking; a provider that cannot issue waits for a replacement", () => {
    expect(transition("approved", { type: "step_done" }, REVOKE)).toEqual({ ok: true, to: "revoking_old" });
    expect(transition("approved", { type: "step_done" }, REPLACE)).toEqual({ ok: true, to: "awaiting_replacement" });
    expect(transition("awaiting_replacement", { type: "confirm_replacement" }, REPLACE)).toEqual({ ok: true, to: "revoking_old" });
  });

  it("retry returns to the failed step, whichever it was; without a recorded step it is refused", () => {
    for (const step of STEP_STATES) expect(transition("failed", { type: "retry" }, { ...ROTATE, failedStep: step })).toEqual({ ok: true, to: step });
    expect(transition("failed", { type: "retry" }, ROTATE).ok).toBe(false);
  });

  it("final states accept nothing", () => {
    for (const state of TERMINAL_STATES) for (const event of EVENTS) expect(transition(state, event, ROTATE).ok).toBe(false);
  });

  it("on every path a rotation can take, the old credential is revoked only after the new one was delivered and verified, or a replacement confirmed", () => {
    // Walk every path of up to 14 events from "requested", for each kind of workflow.
    for (const ctx of [ROTATE, REPLACE, REVOKE]) {
      let frontier: { state: TWorkflowState; path: TWorkflowState[]; failedStep: TMachineContext["failedStep"] }[] = [{ state: "requested", path: ["requested"], failedStep: null }];
      let paths = 0;
      for (let depth = 0; depth < 14; depth++) {
        const next: typeof frontier = [];
        for (const node of frontier) {
          for (const event of EVENTS) {
            const result = transition(node.state, event, { ...ctx, failedStep: node.failedStep });
            if (!result.ok) continue;
            const path = [...node.path, result.to];
            paths++;
            if (OLD_REVOKED_FROM.includes(result.to) && ctx.kind === "rotation") {
              const firstRevoke = path.indexOf("revoking_old");
              const before = path.slice(0, firstRevoke);
              const safe = ctx.canIssue ? before.includes("delivering") && before.includes("verifying_new") && before.includes("awaiting_cutover") : before.includes("awaiting_replacement");
              expect(safe, `unsafe path: ${path.join(" → ")}`).toBe(true);
            }
            // A rollback never touches the old credential.
            if (result.to === "rolled_back") expect(path).not.toContain("revoking_old");
            next.push({ state: result.to, path, failedStep: event.type === "step_failed" && isStep(node.state) && result.to === "failed" ? node.state : node.failedStep });
          }
        }
        frontier = next;
      }
      expect(paths).toBeGreaterThan(10);
    }
  });
});
