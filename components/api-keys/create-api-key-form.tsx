"use client";

import { useState } from "react";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { API_KEY_EXPIRY_CHOICES } from "@/lib/api-keys/schemas";
import { API_KEY_SCOPES, API_KEY_SCOPE_IDS, type TApiKeyScope } from "@/lib/api-keys/scopes";
import type { TCreatedApiKey } from "@/lib/api-keys/services/create-api-key";
import { DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { useServerAction } from "@/lib/client/use-server-action";

const DEFAULT_EXPIRY_DAYS = 90;
const FIELDS = ["name", "scopes", "expiresInDays"];

/**
 * Name, scopes and expiry. Nothing is validated here that the server does not check again: an empty
 * name or no scope is sent as is and the server's message is shown (one rule, one place).
 */
export function CreateApiKeyForm({ onCreated }: { onCreated: (key: TCreatedApiKey) => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TApiKeyScope[]>([]);
  const [expiresInDays, setExpiresInDays] = useState<number>(DEFAULT_EXPIRY_DAYS);
  // `forget`: the result carries the token; the mutation cache must not keep it after the dialog.
  const { pending, error, run } = useServerAction(createApiKeyAction, { forget: true });
  const fieldErrors = error?.fieldErrors ?? {};
  // The summary message shows unless every problem already sits next to its field.
  const placed = Object.keys(fieldErrors).length > 0 && Object.keys(fieldErrors).every((key) => FIELDS.includes(key));
  const toggle = (scope: TApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? API_KEY_SCOPE_IDS.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope)));

  return (
    <form
      className="mt-4 flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run({ name, scopes, expiresInDays }, onCreated);
      }}
      data-testid="create-api-key-form"
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="api-key-name">Name</Label>
        <Input
          id="api-key-name"
          name="name"
          maxLength={80}
          autoComplete="off"
          placeholder="CI inventory export"
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={fieldErrors.name ? true : undefined}
          aria-describedby={fieldErrors.name ? "api-key-name-error api-key-name-hint" : "api-key-name-hint"}
          data-testid="api-key-name"
        />
        <FieldHint id="api-key-name-hint">What uses the key, so whoever finds it in the inventory knows.</FieldHint>
        <FieldError id="api-key-name-error" messages={fieldErrors.name} />
      </div>

      <fieldset className="flex flex-col gap-2" aria-describedby={fieldErrors.scopes ? "api-key-scopes-error" : undefined}>
        <legend className="mb-1.5 text-ui font-medium text-foreground">Scopes</legend>
        {API_KEY_SCOPE_IDS.map((scope) => (
          <label key={scope} className="flex cursor-pointer items-start gap-2.5 rounded-md border border-border px-3 py-2 hover:bg-accent/40">
            <input
              type="checkbox"
              className="mt-0.5 size-4 shrink-0 accent-primary"
              checked={scopes.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
              data-testid={`api-key-scope-${scope}`}
            />
            <span className="min-w-0">
              <span className="block text-ui font-medium">
                {API_KEY_SCOPES[scope].label} <span className="font-mono text-xs font-normal text-muted-foreground">{scope}</span>
              </span>
              <span className="block text-xs text-muted-foreground [overflow-wrap:anywhere]">{API_KEY_SCOPES[scope].description}</span>
            </span>
          </label>
        ))}
        <FieldError id="api-key-scopes-error" messages={fieldErrors.scopes} />
      </fieldset>

      <div className="flex flex-col gap-1.5">
        <Label htmlFor="api-key-expiry">Expires after</Label>
        <Select
          id="api-key-expiry"
          value={String(expiresInDays)}
          onChange={(event) => setExpiresInDays(Number(event.target.value))}
          aria-invalid={fieldErrors.expiresInDays ? true : undefined}
          data-testid="api-key-expiry"
        >
          {API_KEY_EXPIRY_CHOICES.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </Select>
        <FieldHint>Every key expires. Create a new one before it does; revoke the old one after.</FieldHint>
        <FieldError id="api-key-expiry-error" messages={fieldErrors.expiresInDays} />
      </div>

      <InlineError message={error && !placed ? error.message : null} testId="create-api-key-error" />
      <DialogActions label="Create key" pendingLabel="Creating…" pending={pending} testId="create-api-key-submit" />
    </form>
  );
}
