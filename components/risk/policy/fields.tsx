"use client";

import { useState, type ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";
import { CREDENTIAL_KIND_LABELS, CREDENTIAL_KINDS, SENSITIVITIES, type TCredentialKind } from "@/lib/risk/model";

/** Form controls of the policy editor: label, control, hint and the validation message, wired for screen readers. */

const fieldId = (path: string) => `policy-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;

type TBase = { path: string; label: string; hint?: string; errors?: string[]; disabled?: boolean; className?: string };

function Frame({ path, label, hint, errors, className, children }: TBase & { children: ReactNode }) {
  const id = fieldId(path);
  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

function describedBy(path: string, hint?: string, errors?: string[]) {
  const id = fieldId(path);
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function NumberField({
  value, onChange, min, max, step = 1, suffix, ...base
}: TBase & { value: unknown; onChange: (v: number) => void; min?: number; max?: number; step?: number; suffix?: string }) {
  const id = fieldId(base.path);
  return (
    <Frame {...base}>
      <div className="relative">
        <Input
          id={id}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          disabled={base.disabled}
          value={typeof value === "number" && !Number.isNaN(value) ? value : ""}
          onChange={(event) => onChange(event.target.value === "" ? Number.NaN : Number(event.target.value))}
          aria-invalid={base.errors?.length ? true : undefined}
          aria-describedby={describedBy(base.path, base.hint, base.errors)}
          className={cn("tabular-nums", suffix && "pr-9")}
          data-testid={`policy-field-${base.path}`}
        />
        {suffix ? <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-muted-foreground">{suffix}</span> : null}
      </div>
    </Frame>
  );
}

export function SensitivityField({ value, onChange, ...base }: TBase & { value: unknown; onChange: (v: string) => void }) {
  return (
    <Frame {...base}>
      <Select
        id={fieldId(base.path)}
        value={String(value ?? "")}
        disabled={base.disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={base.errors?.length ? true : undefined}
        aria-describedby={describedBy(base.path, base.hint, base.errors)}
        data-testid={`policy-field-${base.path}`}
      >
        {SENSITIVITIES.map((s) => (
          <option key={s} value={s}>{s}</option>
        ))}
      </Select>
    </Frame>
  );
}

const parseLines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

export function PatternsField({ value, onChange, ...base }: TBase & { value: unknown; onChange: (v: string[]) => void }) {
  const id = fieldId(base.path);
  const lines = Array.isArray(value) ? value.map(String) : [];
  // The text as typed (blank lines, a trailing newline) while it still means the same list; the list
  // itself once it changed from outside (reset, import).
  const [text, setText] = useState(lines.join("\n"));
  const shown = parseLines(text).join("\n") === lines.join("\n") ? text : lines.join("\n");
  return (
    <Frame {...base}>
      <textarea
        id={id}
        rows={Math.min(8, Math.max(2, lines.length + 1))}
        disabled={base.disabled}
        value={shown}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseLines(event.target.value));
        }}
        spellCheck={false}
        aria-invalid={base.errors?.length ? true : undefined}
        aria-describedby={describedBy(base.path, base.hint, base.errors)}
        className="min-h-16 w-full rounded-md border border-border-strong bg-surface px-3 py-2 font-mono text-xs text-foreground shadow-xs focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-danger"
        data-testid={`policy-field-${base.path}`}
      />
    </Frame>
  );
}

export function KindsField({ value, onChange, path, label, hint, errors, disabled, className }: TBase & { value: unknown; onChange: (v: TCredentialKind[]) => void }) {
  const selected = new Set(Array.isArray(value) ? (value as TCredentialKind[]) : []);
  const id = fieldId(path);
  return (
    <fieldset className={cn("flex min-w-0 flex-col gap-1.5", className)} aria-describedby={describedBy(path, hint, errors)} data-testid={`policy-field-${path}`}>
      <legend className="mb-1.5 text-ui font-medium text-foreground">{label}</legend>
      <div className="grid grid-cols-1 gap-x-3 gap-y-1 min-[440px]:grid-cols-2">
        {CREDENTIAL_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-ui">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={selected.has(kind)}
              disabled={disabled}
              onChange={(event) => onChange(CREDENTIAL_KINDS.filter((k) => (k === kind ? event.target.checked : selected.has(k))))}
            />
            {CREDENTIAL_KIND_LABELS[kind]}
          </label>
        ))}
      </div>
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      <FieldError id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}

export function CheckboxField({ path, label, checked, onChange, disabled, description }: { path: string; label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; description?: string }) {
  return (
    <label className="flex items-start gap-2.5 text-ui">
      <input
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 accent-primary"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={`policy-field-${path}`}
      />
      <span className="flex flex-col">
        <span className="font-medium text-foreground">{label}</span>
        {description ? <span className="text-xs text-muted-foreground">{description}</span> : null}
      </span>
    </label>
  );
}
