import { Badge } from "@/components/ui/badge";

const TONES = { succeeded: "success", failed: "danger", running: "primary" } as const;

export function RunStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status as keyof typeof TONES] ?? "neutral"}>{status}</Badge>;
}
