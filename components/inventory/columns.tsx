import Link from "next/link";
import type { ReactNode } from "react";
import { AutoRefreshBadge, CredentialFlags, EnvironmentBadge, StatusBadge } from "@/components/inventory/badges";
import { PrivilegeBadge } from "@/components/inventory/privilege-badge";
import { RiskLevelBadge } from "@/components/risk/risk-level-badge";
import { formatDate, formatRelative } from "@/components/inventory/format";
import { Badge } from "@/components/ui/badge";
import type { TColumnId } from "@/lib/inventory/columns";
import type { TSortKey } from "@/lib/inventory/query-params";
import type { TCredentialListItem } from "@/lib/inventory/types";
import { IDENTITY_KIND_LABELS, KIND_LABELS } from "@/lib/inventory/vocabulary";

/**
 * How the inventory's columns render. Every column is sortable (each has a keyset index, see
 * prisma/schema.prisma); `name` is always shown, the others through the column chooser.
 */

export type { TColumnId } from "@/lib/inventory/columns";

type TCellContext = { now: number };

export type TColumn = {
  id: TColumnId;
  label: string;
  /** Absent: the column is not sortable (its header is plain text). */
  sort?: TSortKey;
  headClassName?: string;
  cellClassName?: string;
  render: (item: TCredentialListItem, ctx: TCellContext) => ReactNode;
};

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-muted-foreground">{children}</span>;
}

function When({ iso, now, empty, future = false }: { iso: string | null; now: number; empty: ReactNode; future?: boolean }) {
  if (!iso) return <>{empty}</>;
  const past = new Date(iso).getTime() < now;
  return (
    <time dateTime={iso} title={iso} className="flex flex-col leading-tight" suppressHydrationWarning>
      <span className={future && past ? "text-warning" : undefined}>{formatRelative(iso, now)}</span>
      <span className="text-xs text-muted-foreground tabular-nums">{formatDate(iso)}</span>
    </time>
  );
}

export const COLUMNS: Record<TColumnId, TColumn> = {
  name: {
    id: "name",
    label: "Name",
    sort: "name",
    cellClassName: "min-w-56 max-w-72",
    render: (item) => (
      <div className="flex min-w-0 flex-col gap-0.5">
        <Link href={`/inventory/${item.id}`} className="leading-snug font-medium text-foreground [overflow-wrap:anywhere] hover:text-primary hover:underline" data-testid="credential-link">
          {item.name}
        </Link>
        <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
          {item.hint ? <code className="shrink-0 font-mono">••••{item.hint}</code> : null}
          {item.identity ? (
            <span className="truncate" title={`Held by ${IDENTITY_KIND_LABELS[item.identity.kind].toLowerCase()} ${item.identity.name}`}>
              {item.hint ? "· " : ""}
              {IDENTITY_KIND_LABELS[item.identity.kind]} {item.identity.name}
            </span>
          ) : null}
        </span>
        <span className="mt-0.5 empty:hidden">
          <CredentialFlags exposureCount={item.exposureCount} consumerCount={item.consumerCount} orphaned={item.orphaned} />
        </span>
      </div>
    ),
  },
  provider: { id: "provider", label: "Provider", sort: "provider", cellClassName: "min-w-28", render: (item) => item.provider.name },
  kind: { id: "kind", label: "Kind", sort: "kind", cellClassName: "min-w-28", render: (item) => KIND_LABELS[item.kind] },
  status: { id: "status", label: "Status", sort: "status", render: (item) => <StatusBadge status={item.status} /> },
  environment: { id: "environment", label: "Env", sort: "environment", render: (item) => <EnvironmentBadge environment={item.environment} short /> },
  owner: {
    id: "owner",
    label: "Owner",
    sort: "owner",
    cellClassName: "min-w-28",
    render: (item) =>
      item.owner ? (
        <span className="flex flex-col leading-tight" data-testid="owner-cell">
          <span className={item.owner.active ? undefined : "text-muted-foreground line-through"}>{item.owner.name}</span>
          {item.owner.active ? null : <span className="text-xs text-warning">deactivated</span>}
        </span>
      ) : (
        <span className="text-muted-foreground" data-testid="owner-cell">
          No owner
        </span>
      ),
  },
  team: { id: "team", label: "Team", sort: "team", cellClassName: "min-w-24", render: (item) => (item.team ? item.team.name : <Muted>No team</Muted>) },
  risk: { id: "risk", label: "Risk", sort: "risk", render: (item) => <RiskLevelBadge level={item.riskLevel} score={item.riskScore} /> },
  scopes: {
    id: "scopes",
    label: "Scopes",
    cellClassName: "min-w-40 max-w-64",
    render: (item) =>
      item.scopes.length === 0 ? (
        <Muted>None recorded</Muted>
      ) : (
        <div className="flex min-w-0 flex-col gap-1" data-testid="scopes-cell">
          <span className="flex flex-wrap gap-1" aria-label="Privileges">
            {item.privileges.map((p) => (
              <PrivilegeBadge key={p} privilege={p} />
            ))}
          </span>
          <span className="line-clamp-2 font-mono text-xs text-muted-foreground [overflow-wrap:anywhere]" title={item.scopes.join(" ")}>
            {item.scopes.join(" ")}
          </span>
        </div>
      ),
  },
  expires: {
    id: "expires",
    label: "Expires",
    sort: "expires",
    cellClassName: "whitespace-nowrap",
    render: (item, { now }) =>
      item.autoRefresh ? <AutoRefreshBadge /> : <When iso={item.expiresAt} now={now} future empty={<Badge tone="warning">Never</Badge>} />,
  },
  lastUsed: {
    id: "lastUsed",
    label: "Last used",
    sort: "lastUsed",
    cellClassName: "whitespace-nowrap",
    render: (item, { now }) => <When iso={item.lastUsedAt} now={now} empty={<Muted>Never</Muted>} />,
  },
  lastRotated: {
    id: "lastRotated",
    label: "Last rotated",
    sort: "lastRotated",
    cellClassName: "whitespace-nowrap",
    render: (item, { now }) => <When iso={item.lastRotatedAt} now={now} empty={<Muted>Never</Muted>} />,
  },
  created: {
    id: "created",
    label: "Discovered",
    sort: "created",
    cellClassName: "whitespace-nowrap",
    render: (item, { now }) => <When iso={item.createdAt} now={now} empty={null} />,
  },
};
