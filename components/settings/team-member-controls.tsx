"use client";

import { UserPlus, X } from "lucide-react";
import { useState } from "react";
import { addTeamMember, removeTeamMember } from "@/lib/teams/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";

export function AddTeamMember({
  teamId,
  teamSlug,
  teamName,
  candidates,
}: {
  teamId: string;
  teamSlug: string;
  teamName: string;
  candidates: { id: string; name: string; email: string }[];
}) {
  const [userId, setUserId] = useState("");
  const { pending, error, run } = useServerAction(addTeamMember);
  const selectId = `add-member-${teamId}`;

  if (candidates.length === 0) {
    return <p className="text-xs text-muted-foreground">Every active user is already a member.</p>;
  }
  return (
    <form
      className="flex flex-col gap-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        if (userId) run({ teamId, userId }, () => setUserId(""));
      }}
    >
      <label htmlFor={selectId} className="sr-only">
        Add a member to {teamName}
      </label>
      <div className="flex items-center gap-2">
        <Select
          id={selectId}
          className="min-w-0 flex-1 sm:max-w-72"
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          disabled={pending}
          data-testid={`add-member-select-${teamSlug}`}
        >
          <option value="">Add a member…</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.email})
            </option>
          ))}
        </Select>
        <Button type="submit" disabled={pending || !userId} data-testid={`add-member-submit-${teamSlug}`}>
          <UserPlus aria-hidden />
          {pending ? "Adding…" : "Add"}
        </Button>
      </div>
      <InlineError message={error?.message} testId={`add-member-error-${teamSlug}`} />
    </form>
  );
}

export function RemoveTeamMember({
  teamId,
  teamSlug,
  teamName,
  user,
}: {
  teamId: string;
  teamSlug: string;
  teamName: string;
  user: { id: string; name: string; email: string };
}) {
  const { pending, error, run } = useServerAction(removeTeamMember);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="icon-sm"
        variant="ghost"
        className="text-muted-foreground hover:text-danger"
        disabled={pending}
        aria-label={`Remove ${user.name} from ${teamName}`}
        onClick={() => run({ teamId, userId: user.id })}
        data-testid={`remove-member-${teamSlug}-${user.email}`}
      >
        <X aria-hidden />
      </Button>
      <InlineError message={error?.message} />
    </div>
  );
}
