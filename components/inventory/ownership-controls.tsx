"use client";

import { Hand, UserCog } from "lucide-react";
import { useId, useState } from "react";
import { InlineError } from "@/components/ui/inline-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";
import type { TFilterOptions } from "@/lib/inventory/types";
import { useServerAction } from "@/lib/client/use-server-action";
import { assignEntityOwnership, assignOwnership, claimOwnership } from "@/lib/ownership/actions";
import type { TOwnedEntityType } from "@/lib/ownership/schemas";

const KEEP = "__keep__";
const NONE = "__none__";

/** Ownership changes touch credentials: refresh every inventory query and the server components. */
const INVALIDATE = { invalidate: [credentialKeys.all] };

/**
 * Security and admins: set the owner and/or team of one credential or a selection — or, with
 * `entity`, of an identity or an MCP server.
 */
export function AssignOwnerDialog({
  credentialIds = [],
  entity,
  options,
  onDone,
  trigger = "button",
}: {
  credentialIds?: string[];
  entity?: { type: TOwnedEntityType; id: string; label: string };
  options: Pick<TFilterOptions, "users" | "teams">;
  onDone?: (changed: number) => void;
  trigger?: "button" | "compact";
}) {
  const [open, setOpen] = useState(false);
  const [owner, setOwner] = useState(KEEP);
  const [team, setTeam] = useState(KEEP);
  const assignEntity = useServerAction(assignEntityOwnership, INVALIDATE);
  const assign = useServerAction(assignOwnership, INVALIDATE);
  const pending = assignEntity.pending || assign.pending;
  const error = assignEntity.error ?? assign.error;
  const clearError = () => {
    assignEntity.clearError();
    assign.clearError();
  };
  const id = useId();
  const many = credentialIds.length > 1;
  const unchanged = owner === KEEP && team === KEEP;
  const value = (v: string) => (v === KEEP ? undefined : v === NONE ? null : v);

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
        <DialogTitle>{many ? `Assign ${credentialIds.length} credentials` : entity ? `Owner and team of ${entity.label}` : "Assign owner and team"}</DialogTitle>
        <DialogDescription>
          {entity
            ? "The owner answers for it, and for those of its credentials that have no owner of their own. The change is recorded in the audit trail."
            : "The owner approves rotations and answers in access reviews. The change is recorded in each credential's history."}
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
            else assign.run({ credentialIds, ...change }, (data) => done(data.changed));
          }}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-owner`}>Owner</Label>
            <Select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)} disabled={pending} data-testid="assign-owner-select">
              <option value={KEEP}>Keep as it is</option>
              <option value={NONE}>No owner</option>
              {options.users
                .filter((u) => u.active)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                    {u.email ? ` — ${u.email}` : ""}
                  </option>
                ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-team`}>Team</Label>
            <Select id={`${id}-team`} value={team} onChange={(e) => setTeam(e.target.value)} disabled={pending} data-testid="assign-team-select">
              <option value={KEEP}>Keep as it is</option>
              <option value={NONE}>No team</option>
              {options.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
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

/** Owners (and security/admin): take ownership of orphaned credentials. */
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
