"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TFormField } from "@/lib/connectors/form-fields";
import type { TConnectorType } from "@/lib/connectors/registry";
import { createProviderAction, updateProviderAction } from "@/lib/providers/actions";
import type { TConnectorInfo } from "@/lib/providers/queries";
import type { TProviderView } from "@/lib/providers/schemas";
import { useServerAction } from "@/lib/client/use-server-action";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { Input, controlClassName } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";

type TValues = Record<string, string | boolean>;

function initialValues(fields: TFormField[], from?: Record<string, unknown>): TValues {
  return Object.fromEntries(
    fields.map((f) => {
      const stored = from?.[f.name];
      if (typeof stored === "string" || typeof stored === "boolean") return [f.name, stored];
      return [f.name, f.defaultValue ?? (f.kind === "checkbox" ? false : "")];
    }),
  );
}

/** Empty optional text is "not set": sent as absent so the connector's schema applies its default. */
function toPayload(fields: TFormField[], values: TValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (typeof v === "string" && v.trim() === "" && !f.required) continue;
    out[f.name] = v;
  }
  return out;
}

function Field({ field, prefix, value, onChange, errors }: { field: TFormField; prefix: string; value: string | boolean; onChange: (v: string | boolean) => void; errors?: string[] }) {
  const id = `provider-${prefix}-${field.name}`;
  const describedBy = [field.hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name: `${prefix}.${field.name}`, "aria-invalid": errors ? true : undefined, "aria-describedby": describedBy, "data-testid": id };
  return (
    <div className="flex flex-col gap-1.5">
      {field.kind === "checkbox" ? (
        <label className="flex items-center gap-2 text-ui font-medium">
          <input type="checkbox" className="size-4 accent-primary" checked={value === true} onChange={(e) => onChange(e.target.checked)} {...common} />
          {field.label}
        </label>
      ) : (
        <Label htmlFor={id}>
          {field.label}
          {field.required ? null : <span className="font-normal text-muted-foreground"> (optional)</span>}
        </Label>
      )}
      {field.kind === "select" ? (
        <Select value={String(value)} onChange={(e) => onChange(e.target.value)} {...common}>
          {field.options!.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      ) : field.kind === "textarea" ? (
        <textarea
          rows={4}
          spellCheck={false}
          autoComplete="off"
          className={cn(controlClassName, "h-auto min-h-24 py-2 font-mono text-xs")}
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
          {...common}
        />
      ) : field.kind !== "checkbox" ? (
        <Input
          type={field.kind === "secret" ? "password" : field.kind === "url" ? "url" : "text"}
          autoComplete={field.kind === "secret" ? "new-password" : "off"}
          spellCheck={false}
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
          {...common}
        />
      ) : null}
      {field.hint ? <FieldHint id={`${id}-hint`}>{field.hint}</FieldHint> : null}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/**
 * Add or edit a provider. Every field comes from the connector's schemas (lib/connectors/form-fields.ts);
 * nothing is validated here that the server does not check. The saved secret never comes back: an
 * edit shows "set" and sends a secret only if the admin chooses to replace it. The server tests the
 * connection before saving and answers with the provider's own words when it fails.
 */
export function ProviderForm({ catalogue, provider }: { catalogue: TConnectorInfo[]; provider?: TProviderView }) {
  const router = useRouter();
  const [type, setType] = useState(provider?.type ?? catalogue[0]?.type ?? "");
  const connector = catalogue.find((c) => c.type === type);
  const [name, setName] = useState(provider?.name ?? "");
  const [schedule, setSchedule] = useState(provider?.syncSchedule ?? "");
  const [config, setConfig] = useState<TValues>(() => initialValues(connector?.configFields ?? [], provider?.config));
  const [secret, setSecret] = useState<TValues>(() => initialValues(connector?.secretFields ?? []));
  const [replaceSecret, setReplaceSecret] = useState(!provider?.secretSet);
  const create = useServerAction(createProviderAction);
  const update = useServerAction(updateProviderAction);
  const { pending, error } = provider ? update : create;
  const fieldErrors = error?.fieldErrors ?? {};
  const errorsFor = (key: string) => fieldErrors[key];
  if (!connector) return <p className="text-ui text-muted-foreground">No connector is registered for this type.</p>;

  const submit = () => {
    const payload = { name, config: toPayload(connector.configFields, config), syncSchedule: schedule };
    if (provider) {
      update.run({ id: provider.id, ...payload, ...(replaceSecret ? { secret: toPayload(connector.secretFields, secret) } : {}) }, () => router.push(`/providers/${provider.id}`));
    } else {
      create.run({ type: type as TConnectorType, ...payload, secret: toPayload(connector.secretFields, secret) }, (created) => router.push(`/providers/${created.id}`));
    }
  };

  return (
    <form
      className="flex max-w-2xl flex-col gap-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="provider-form"
    >
      {provider ? null : (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="provider-type">Connector</Label>
          <Select
            id="provider-type"
            value={type}
            onChange={(e) => {
              const next = catalogue.find((c) => c.type === e.target.value);
              setType(e.target.value);
              setConfig(initialValues(next?.configFields ?? []));
              setSecret(initialValues(next?.secretFields ?? []));
            }}
            data-testid="provider-type"
          >
            {catalogue.map((c) => (
              <option key={c.type} value={c.type}>
                {c.label}
              </option>
            ))}
          </Select>
          <FieldHint>{connector.description}</FieldHint>
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="provider-name">Name</Label>
        <Input id="provider-name" maxLength={100} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errorsFor("name") ? true : undefined} aria-describedby="provider-name-error" data-testid="provider-name" />
        <FieldError id="provider-name-error" messages={errorsFor("name")} />
      </div>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-border p-4">
        <legend className="px-1 text-ui font-semibold">Settings</legend>
        {connector.configFields.map((f) => (
          <Field key={f.name} field={f} prefix="config" value={config[f.name] ?? ""} onChange={(v) => setConfig((c) => ({ ...c, [f.name]: v }))} errors={errorsFor(`config.${f.name}`)} />
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-border p-4" data-testid="provider-secret">
        <legend className="px-1 text-ui font-semibold">Secret</legend>
        <p className="text-xs text-muted-foreground">Stored encrypted (AES-256-GCM) and never shown again, not even to admins.</p>
        {replaceSecret ? (
          connector.secretFields.map((f) => (
            <Field key={f.name} field={f} prefix="secret" value={secret[f.name] ?? ""} onChange={(v) => setSecret((s) => ({ ...s, [f.name]: v }))} errors={errorsFor(`secret.${f.name}`)} />
          ))
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-ui" data-testid="provider-secret-set">
              A secret is set.
            </span>
            <Button type="button" size="sm" variant="secondary" onClick={() => setReplaceSecret(true)} data-testid="provider-secret-replace">
              Replace it
            </Button>
          </div>
        )}
        <FieldError id="provider-secret-error" messages={errorsFor("secret")} />
      </fieldset>

      <div className="flex flex-col gap-1.5">
        <Label htmlFor="provider-schedule">
          Sync schedule <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Input id="provider-schedule" className="font-mono" placeholder="0 * * * *" value={schedule} onChange={(e) => setSchedule(e.target.value)} aria-invalid={errorsFor("syncSchedule") ? true : undefined} aria-describedby="provider-schedule-hint provider-schedule-error" data-testid="provider-schedule" />
        <FieldHint id="provider-schedule-hint">Cron, in UTC: minute hour day month weekday. Empty: sync only when asked.</FieldHint>
        <FieldError id="provider-schedule-error" messages={errorsFor("syncSchedule")} />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending} data-testid="provider-save">
          {pending ? "Testing the connection…" : provider ? "Test and save" : "Test and add"}
        </Button>
        <InlineError message={error && !Object.keys(fieldErrors).length ? error.message : error && Object.keys(fieldErrors).length ? "Some fields need attention." : null} testId="provider-form-error" />
      </div>
    </form>
  );
}
