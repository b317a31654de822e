"use client";

import { useState } from "react";
import { updateUserRole } from "@/lib/users/actions";
import { ROLE_LABELS, ROLES, type TRole } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";

/**
 * Changing a role is privileged, so it needs an explicit Save: with a bare select, arrowing through
 * the options (which fires `change` in some browsers) would grant roles by accident.
 */
export function UserRoleControl({ userId, email, role, name }: { userId: string; email: string; role: TRole; name: string }) {
  const [value, setValue] = useState<TRole>(role);
  const { pending, error, run, clearError } = useServerAction(updateUserRole);
  const dirty = value !== role;
  const errorId = `role-error-${userId}`;

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-1.5">
        <label htmlFor={`role-${userId}`} className="sr-only">
          Role of {name}
        </label>
        <Select
          id={`role-${userId}`}
          className="w-32"
          compact
          value={value}
          disabled={pending}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            clearError();
            setValue(event.target.value as TRole);
          }}
          data-testid={`role-select-${email}`}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r].label}
            </option>
          ))}
        </Select>
        {dirty ? (
          <>
            <Button
              size="sm"
              variant="primary"
              disabled={pending}
              onClick={() => run({ userId, role: value })}
              data-testid={`role-save-${email}`}
            >
              {pending ? "Saving…" : "Save"}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={pending}
              onClick={() => {
                clearError();
                setValue(role);
              }}
            >
              Cancel
            </Button>
          </>
        ) : null}
      </div>
      <InlineError id={errorId} message={error?.message} testId={`role-error-${email}`} />
    </div>
  );
}
