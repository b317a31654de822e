import { Badge } from "@/components/ui/badge";
import type { TConnection } from "@/lib/providers/queries";

const SYNC: Record<string, { label: string; tone: "neutral" | "success" | "danger" | "primary" }> = {
  never: { label: "Never synced", tone: "neutral" },
  running: { label: "Syncing", tone: "primary" },
  ok: { label: "Synced", tone: "success" },
  error: { label: "Sync failed", tone: "danger" },
};

const NOT_CONNECTED: Record<Exclude<TConnection, "connected">, { label: string; title: string }> = {
  no_connector: { label: "Inventory only", title: "No connector for this type: its credentials were imported or seeded, and Tokenward cannot ask it anything." },
  no_secret: { label: "Not connected", title: "A connector exists, but no settings or secret were entered: edit it to connect." },
};

/** One badge for "can Tokenward read it, and did the last sync work": disabled and unconnected first. */
export function SyncStatusBadge({ status, enabled, connection }: { status: string; enabled: boolean; connection: TConnection }) {
  if (!enabled) return <Badge tone="neutral">Disabled</Badge>;
  if (connection !== "connected") {
    const c = NOT_CONNECTED[connection];
    return (
      <Badge tone="outline" title={c.title}>
        {c.label}
      </Badge>
    );
  }
  const s = SYNC[status] ?? SYNC.never!;
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
