import { Eye, RefreshCw, Share2, UserX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ORPHANED_HINT } from "@/lib/inventory/orphaned";
import { ENVIRONMENT_LABELS, STATUS_LABELS, type TCredentialStatus, type TEnvironment } from "@/lib/inventory/vocabulary";

const STATUS_TONE: Record<TCredentialStatus, "success" | "warning" | "neutral" | "danger"> = {
  active: "success",
  expired: "warning",
  revoked: "neutral",
  disabled: "neutral",
};

export function StatusBadge({ status }: { status: TCredentialStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} data-status={status}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function EnvironmentBadge({ environment, short = false }: { environment: TEnvironment; short?: boolean }) {
  return (
    <Badge tone={environment === "prod" ? "outline" : "neutral"} title={ENVIRONMENT_LABELS[environment]}>
      {short ? environment : ENVIRONMENT_LABELS[environment]}
    </Badge>
  );
}

/** The problems a row shows at a glance, next to its name. */
export function CredentialFlags({ exposureCount, consumerCount, orphaned }: { exposureCount: number; consumerCount: number; orphaned: boolean }) {
  if (!exposureCount && consumerCount < 2 && !orphaned) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {exposureCount > 0 ? (
        <Badge tone="danger" title={`Found in clear in ${exposureCount} place${exposureCount === 1 ? "" : "s"} (open exposures)`}>
          <Eye aria-hidden />
          Exposed{exposureCount > 1 ? ` ×${exposureCount}` : ""}
        </Badge>
      ) : null}
      {consumerCount > 1 ? (
        <Badge tone="warning" title={`Held by ${consumerCount} different identities or MCP servers`}>
          <Share2 aria-hidden />
          Shared ×{consumerCount}
        </Badge>
      ) : null}
      {orphaned ? (
        <Badge tone="warning" title={ORPHANED_HINT}>
          <UserX aria-hidden />
          Orphaned
        </Badge>
      ) : null}
    </span>
  );
}

/** A short-lived access token its refresh token renews: its expiry is not a call to rotate. */
export function AutoRefreshBadge() {
  return (
    <Badge tone="primary" title="Short-lived access token renewed by its refresh token: its expiry needs no rotation" data-testid="auto-refresh-badge">
      <RefreshCw aria-hidden />
      Auto-refreshing
    </Badge>
  );
}
