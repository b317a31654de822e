import { Siren } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { TWorkflowState } from "@/lib/workflows/state-machine";
import { STATE_LABELS } from "@/lib/workflows/vocabulary";

export function WorkflowStateBadge({ state }: { state: TWorkflowState }) {
  const s = STATE_LABELS[state];
  return (
    <Badge tone={s.tone} data-testid="workflow-state" data-state={state}>
      {s.label}
    </Badge>
  );
}

/** Break-glass is flagged wherever a workflow is shown. */
export function BreakGlassBadge() {
  return (
    <Badge tone="danger" title="Revoked immediately by security, without the owner's approval">
      <Siren aria-hidden />
      Break-glass
    </Badge>
  );
}
