import type { TAlertDestinationKind } from "@/lib/alerts/schemas";

export const KIND_LABELS: Record<TAlertDestinationKind, string> = { webhook: "Signed webhook", slack: "Slack", siem: "SIEM (JSON lines)" };
export const STATUS_TONES = { pending: "warning", delivered: "success", failed: "danger" } as const;
