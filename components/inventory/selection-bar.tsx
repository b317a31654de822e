"use client";

import { Suspense, lazy, useState } from "react";
import { formatNumber } from "@/components/inventory/format";
import { Button } from "@/components/ui/button";
import { useCredentialCount } from "@/lib/inventory/hooks/use-credentials";
import type { TCredentialCount, TFilterOptions } from "@/lib/inventory/types";
import { mayAssign, type TOwnershipPermissions } from "@/lib/ownership/permissions";
import { MAX_MATCHING_ASSIGN } from "@/lib/ownership/schemas";

// Ownership controls appear only once rows are selected: load them then, not with the page. React.lazy
// rather than next/dynamic, whose loader would be one more copy in this page's chunks.
const AssignOwnerDialog = lazy(() => import("@/components/inventory/ownership-controls").then((m) => ({ default: m.AssignOwnerDialog })));
const BulkRevokeDialog = lazy(() => import("@/components/workflows/bulk-revoke-dialog").then((m) => ({ default: m.BulkRevokeDialog })));
const ClaimButton = lazy(() => import("@/components/inventory/ownership-controls").then((m) => ({ default: m.ClaimButton })));

export type TInventoryPermissions = TOwnershipPermissions & { searchesEmail?: boolean; bulkRevoke?: boolean; exportReports?: boolean };

export type TSelected = Map<string, { name: string; claimable: boolean; ownerId: string | null; teamId: string | null }>;

/** The current filter, for "select all N matching this filter" (the server re-reads it). */
export type TMatchingScope = { filterString: string; count: TCredentialCount | undefined; pageSize: number };

/** What can be done with the selected credentials; a notice reports the last bulk change. */
export function SelectionBar({
  selected,
  options,
  permissions,
  matching,
  onDone,
  onClear,
}: {
  selected: TSelected;
  options: TFilterOptions;
  permissions: TInventoryPermissions;
  matching?: TMatchingScope;
  onDone: (verb: string) => (changed: number) => void;
  onClear: () => void;
}) {
  const ids = [...selected.keys()];
  // "All matching" holds for the page and filter it was chosen on: changing either drops it.
  const scopeKey = `${matching?.filterString ?? ""}|${ids.join(",")}`;
  const [allFor, setAllFor] = useState<string | null>(null);
  const allMatching = allFor === scopeKey;
  const allClaimable = [...selected.values()].every((s) => s.claimable);
  // An owner's "assign" reaches only what they or their team own: offer it when every row is theirs.
  const canAssign = mayAssign(permissions, [...selected.values()]);
  // Owners' "all matching" is confined to their own and their team's: count those (mine=1).
  const confined = permissions.assign === "owned";
  const wholePage = matching !== undefined && permissions.assign !== null && selected.size === matching.pageSize && selected.size > 0;
  const confinedFilter = matching ? (confined && !/(^|&)mine=/.test(matching.filterString) ? [matching.filterString, "mine=1"].filter(Boolean).join("&") : matching.filterString) : "";
  const confinedCount = useCredentialCount(confinedFilter, wholePage && confined);
  const total = confined ? confinedCount.data : matching?.count;
  const more = wholePage && total !== undefined && (total.precision !== "exact" || total.value > selected.size);
  const tooMany = total !== undefined && (total.precision !== "exact" || total.value > MAX_MATCHING_ASSIGN);
  const all = allMatching && more && !tooMany && total ? total.value : null;

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-primary/30 bg-primary-subtle px-2 py-1" data-testid="selection-bar">
      <span className="text-ui font-medium text-primary-subtle-foreground tabular-nums" data-testid="selection-count">
        {all !== null ? `All ${formatNumber(all)} matching selected` : `${formatNumber(selected.size)} selected`}
      </span>
      {more && all === null ? (
        tooMany ? (
          <span className="text-xs text-muted-foreground" data-testid="select-matching-too-many">
            {formatNumber(total!.value)}
            {total!.precision === "exact" ? "" : "+"} match{confined ? " of yours" : ""}: at most {formatNumber(MAX_MATCHING_ASSIGN)} can be assigned at once — narrow the filter
          </span>
        ) : (
          <Button size="sm" variant="ghost" className="text-primary" onClick={() => setAllFor(scopeKey)} data-testid="select-matching">
            Select all {formatNumber(total!.value)} {confined ? "of yours " : ""}matching this filter
          </Button>
        )
      ) : null}
      <Suspense fallback={null}>
        {all !== null && matching ? (
          <AssignOwnerDialog matching={{ filter: matching.filterString, count: all, confined }} onDone={onDone("Updated")} trigger="compact" searchesEmail={permissions.searchesEmail} />
        ) : canAssign ? (
          <AssignOwnerDialog credentialIds={ids} options={options} onDone={onDone("Updated")} trigger="compact" searchesEmail={permissions.searchesEmail} />
        ) : null}
        {permissions.claim && allClaimable && all === null ? <ClaimButton credentialIds={ids} onDone={onDone("Claimed")} /> : null}
        {permissions.bulkRevoke ? (
          <BulkRevokeDialog scope={all !== null && matching ? { filter: matching.filterString } : { credentialIds: ids }} label={all !== null ? `all ${formatNumber(all)} matching` : `${formatNumber(selected.size)} selected`} />
        ) : null}
      </Suspense>
      {all !== null && confined ? <span className="text-xs text-muted-foreground">Only yours and your team&apos;s; others&apos; are left alone.</span> : null}
      <Button size="sm" variant="ghost" onClick={onClear} data-testid="clear-selection">
        Clear
      </Button>
    </div>
  );
}
