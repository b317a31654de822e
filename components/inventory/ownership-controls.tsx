"use client";

import { Hand, UserCog } from "lucide-react";
import { useId, useState } from "react";
import { InlineError } from "@/components/ui/inline-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { OwnerCombobox, type TOwnerChoice } from "@/components/ownership/owner-combobox";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";
import type { TFilterOptions } from "@/lib/inventory/types";
import { useServerAction } from "@/lib/client/use-server-action";
import { notificationKeys } from "@/lib/notifications/hooks/query-keys";
import { assignEntityOwnership, assignMatching, assignOwnership, claimOwnership } from "@/lib/ownership/actions";
import type { TOwnedEntityType } from "@/lib/ownership/schemas";
import type { TSuggestFor } from "@/lib/owners/hooks/use-owner-search";

const KEEP: TOwnerChoice = { mode: "keep" };

/** Ownership changes touch credentials: refresh every inventory query, the bell and the server components. */
const INVALIDATE = { invalidate: [credentialKeys.all, notificationKeys.all] };

/** The change a choice asks for: undefined keeps, null clears, an id sets. */
const value = (c: TOwnerChoice) => (c.mode === "keep" ? undefined : c.mode === "none" ? null : c.option.id);

/**
 * Security and admins: set the owner and/or team of one credential or a selection — or, with
 * `entity`, of an identity or an MCP server.
 */
export function AssignOwnerDialog({
  credentialIds = [],
  entity,
  matching,
  onDone,
  trigger = "button",
  searchesEmail = false,
}: {
  credentialIds?: string[];
  entity?: { type: TOwnedEntityType; id: string; label: string };
  /** "Select all N matching this filter": the server assigns what the filter matches (and the actor may assign). */
  matching?: { filter: string; count: number; confined: boolean };
  /** No longer read: the picker searches the server (kept so callers need not change). */
  options?: Pick<TFilterOptions, "users" | "teams">;
  onDone?: (changed: number) => void;
  trigger?: "button" | "compact";
  searchesEmail?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [owner, setOwner] = useState<TOwnerChoice>(KEEP);
  const [team, setTeam] = useState<TOwnerChoice>(KEEP);
  const assignEntity = useServerAction(assignEntityOwnership, INVALIDATE);
  const assign = useServerAction(assignOwnership, INVALIDATE);
  const assignAll = useServerAction(assignMatching, INVALIDATE);
  const pending = assignEntity.pending || assign.pending || assignAll.pending;
  const error = assignEntity.error ?? assign.error ?? assignAll.error;
  const clearError = () => {
    assignEntity.clearError();
    assign.clearError();
    assignAll.clearError();
  };
  const id = useId();
  const count = matching ? matching.count : credentialIds.length;
  const many = count > 1;
  const unchanged = owner.mode === "keep" && team.mode === "keep";
  const suggestFor: TSuggestFor | undefined = entity
    ? entity.type === "identity" ? { identityId: entity.id } : { mcpServerId: entity.id }
    : matching ? undefined : { credentialIds };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) clearError();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant={trigger === "compact" ? "secondary" : "primary"} data-testid="assign-owner-open">
          <UserCog aria-hidden />
          {many ? "Assign owner…" : "Assign owner"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{many ? `Assign ${count.toLocaleString("en-US")} credentials` : entity ? `Owner and team of ${entity.label}` : "Assign owner and team"}</DialogTitle>
        <DialogDescription>
          {entity
            ? "The owner answers for it, and for those of its credentials that have no owner of their own. The change is recorded in the audit trail."
            : "The owner approves rotations and answers in access reviews. The change is recorded in each credential's history, and the new owner and team are told."}
          {matching ? (matching.confined ? " Every credential matching the filter that you or your team own; others' are left alone." : " Every credential matching the filter.") : null}
        </DialogDescription>
        <form
          className="mt-4 flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const done = (changed: number) => {
              setOpen(false);
              setOwner(KEEP);
              setTeam(KEEP);
              onDone?.(changed);
            };
            const change = { ownerId: value(owner), teamId: value(team) };
            if (entity) assignEntity.run({ entityType: entity.type, entityId: entity.id, ...change }, () => done(1));
            else if (matching) assignAll.run({ filter: matching.filter, expected: matching.count, ...change }, (data) => done(data.changed));
            else assign.run({ credentialIds, ...change }, (data) => done(data.changed));
          }}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-owner`}>Owner</Label>
            <OwnerCombobox id={`${id}-owner`} kind="user" value={owner} onChange={setOwner} suggestFor={suggestFor} disabled={pending} searchesEmail={searchesEmail} testId="assign-owner-select" />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-team`}>Team</Label>
            <OwnerCombobox id={`${id}-team`} kind="team" value={team} onChange={setTeam} suggestFor={suggestFor} disabled={pending} testId="assign-team-select" />
          </div>
          <InlineError message={error?.message} testId="assign-owner-error" />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={pending || unchanged} data-testid="assign-owner-submit">
              {pending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Owners (and security/admin): take ownership of credentials without an active owner (lib/inventory/orphaned.ts isClaimable). */
export function ClaimButton({ credentialIds, onDone, label }: { credentialIds: string[]; onDone?: (changed: number) => void; label?: string }) {
  const { pending, error, run } = useServerAction(claimOwnership, INVALIDATE);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => run({ credentialIds }, (data) => onDone?.(data.changed))}
        data-testid="claim-ownership"
      >
        <Hand aria-hidden />
        {pending ? "Claiming…" : (label ?? (credentialIds.length > 1 ? `Claim ${credentialIds.length}` : "Claim ownership"))}
      </Button>
      <InlineError message={error?.message} testId="claim-error" />
    </span>
  );
}
