import { Badge } from "@/components/ui/badge";
import type { TCampaignState } from "@/lib/reviews/queries";

const TONES = { open: "primary", overdue: "danger", closed: "neutral" } as const;
const LABELS: Record<TCampaignState, string> = { open: "Open", overdue: "Overdue", closed: "Closed" };

export function CampaignStateBadge({ state }: { state: TCampaignState }) {
  return (
    <Badge tone={TONES[state]} data-testid="campaign-state" data-state={state}>
      {LABELS[state]}
    </Badge>
  );
}
