"use client";

import { Suspense, lazy } from "react";
import { formatNumber } from "@/components/inventory/format";
import { Button } from "@/components/ui/button";
import type { TFilterOptions } from "@/lib/inventory/types";
import { mayAssign, type TOwnershipPermissions } from "@/lib/ownership/permissions";

// Ownership controls appear only once rows are selected: load them then, not with the page. React.lazy
// rather than next/dynamic, whose loader would be one more copy in this page's chunks.
const AssignOwnerDialog = lazy(() => import("@/components/inventory/ownership-controls").then((m) => ({ default: m.AssignOwnerDialog })));
const ClaimButton = lazy(() => import("@/components/inventory/ownership-controls").then((m) => ({ default: m.ClaimButton })));

export type TInventoryPermissions = TOwnershipPermissions;

export type TSelected = Map<string, { name: string; orphaned: boolean; ownerId: string | null; teamId: string | null }>;

/** What can be done with the selected credentials; a notice reports the last bulk change. */
export function SelectionBar({
  selected,
  options,
  permissions,
  onDone,
  onClear,
}: {
  selected: TSelected;
  options: TFilterOptions;
  permissions: TInventoryPermissions;
  onDone: (verb: string) => (changed: number) => void;
  onClear: () => void;
}) {
  const ids = [...selected.keys()];
  const allOrphans = [...selected.values()].every((s) => s.orphaned);
  // An owner's "assign" reaches only what they or their team own: offer it when every row is theirs.
  const canAssign = mayAssign(permissions, [...selected.values()]);
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-primary/30 bg-primary-subtle px-2 py-1" data-testid="selection-bar">
      <span className="text-ui font-medium text-primary-subtle-foreground tabular-nums">{formatNumber(selected.size)} selected</span>
      <Suspense fallback={null}>
        {canAssign ? <AssignOwnerDialog credentialIds={ids} options={options} onDone={onDone("Updated")} trigger="compact" /> : null}
        {permissions.claim && allOrphans ? <ClaimButton credentialIds={ids} onDone={onDone("Claimed")} /> : null}
      </Suspense>
      <Button size="sm" variant="ghost" onClick={onClear} data-testid="clear-selection">
        Clear
      </Button>
    </div>
  );
}
