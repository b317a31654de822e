"use client";

import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { CREDENTIAL_KIND_LABELS, CREDENTIAL_KINDS, RISK_LEVELS, SENSITIVITIES } from "@/lib/risk/model";
import { AUTO_APPROVE_LEVELS, type TRotationRule } from "@/lib/rotation-policies/schema";

export type TProviderOption = { id: string; name: string; type: string; sensitivity: string };

/** Toggles a value in a scope list (empty = any). */
function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

function Chips<T extends string>({ legend, options, selected, label, onChange, disabled, testId }: { legend: string; options: readonly T[]; selected: T[]; label: (v: T) => string; onChange: (next: T[]) => void; disabled: boolean; testId: string }) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-ui font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1.5">
        {options.map((o) => (
          <label key={o} className="flex items-center gap-1.5 text-ui">
            <input type="checkbox" className="size-4 accent-primary" checked={selected.includes(o)} disabled={disabled} onChange={(e) => onChange(toggle(selected, o, e.target.checked))} data-testid={`${testId}-${o}`} />
            {label(o)}
          </label>
        ))}
      </div>
      <FieldHint>{selected.length === 0 ? "None ticked: every one." : `${selected.length} ticked.`}</FieldHint>
    </fieldset>
  );
}

const days = (v: string): number | null => (v.trim() === "" ? null : Number(v));

/** One rule of the rotation policy: scope, period or lifetime, auto-approval. */
export function RuleEditor({
  rule,
  index,
  providers,
  errors,
  readOnly,
  onChange,
  onRemove,
  ceiling,
}: {
  ceiling: { enabled: boolean; maxLevel: string };
  rule: TRotationRule;
  index: number;
  providers: TProviderOption[];
  errors: Record<string, string[]>;
  readOnly: boolean;
  onChange: (rule: TRotationRule) => void;
  onRemove: () => void;
}) {
  const p = `rules.${index}`;
  const err = (k: string) => errors[`${p}.${k}`];
  const id = (k: string) => `rule-${index}-${k}`;
  const set = (patch: Partial<TRotationRule>) => onChange({ ...rule, ...patch });
  const setScope = (patch: Partial<TRotationRule["scope"]>) => set({ scope: { ...rule.scope, ...patch } });
  return (
    <li className="flex flex-col gap-4 rounded-lg border border-border bg-surface p-4" data-testid={`rule-${index}`}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="flex min-w-48 flex-1 flex-col gap-1.5">
          <Label htmlFor={id("name")}>Rule {index + 1}</Label>
          <Input id={id("name")} value={rule.name} readOnly={readOnly} onChange={(e) => set({ name: e.target.value })} aria-invalid={err("name") ? true : undefined} data-testid={`rule-${index}-name`} />
          <FieldHint>
            Requests name it as <span className="font-mono">rule {rule.id || "…"}</span>.
          </FieldHint>
          <FieldError id={id("name-error")} messages={err("name") ?? err("id")} />
        </div>
        <label className="mt-7 flex items-center gap-1.5 text-ui">
          <input type="checkbox" className="size-4 accent-primary" checked={rule.enabled} disabled={readOnly} onChange={(e) => set({ enabled: e.target.checked })} data-testid={`rule-${index}-enabled`} />
          Enabled
        </label>
        {readOnly ? null : (
          <Button type="button" variant="danger-ghost" size="sm" className="mt-6" onClick={onRemove} aria-label={`Remove rule ${index + 1}`} data-testid={`rule-${index}-remove`}>
            <Trash2 aria-hidden />
            Remove
          </Button>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={id("every")}>Rotate every (days)</Label>
          <Input id={id("every")} type="number" inputMode="numeric" min={1} max={3650} value={rule.rotateEveryDays ?? ""} readOnly={readOnly} onChange={(e) => set({ rotateEveryDays: days(e.target.value) })} aria-invalid={err("rotateEveryDays") ? true : undefined} data-testid={`rule-${index}-every`} />
          <FieldHint>Since its last rotation (or its issue). Empty: no schedule.</FieldHint>
          <FieldError id={id("every-error")} messages={err("rotateEveryDays")} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={id("ttl")}>Maximum lifetime (days)</Label>
          <Input id={id("ttl")} type="number" inputMode="numeric" min={1} max={3650} value={rule.maxTtlDays ?? ""} readOnly={readOnly} onChange={(e) => set({ maxTtlDays: days(e.target.value) })} aria-invalid={err("maxTtlDays") ? true : undefined} data-testid={`rule-${index}-ttl`} />
          <FieldHint>Since it was issued, whatever its expiry says. Empty: no limit.</FieldHint>
          <FieldError id={id("ttl-error")} messages={err("maxTtlDays")} />
        </div>
      </div>
      <Chips legend="Providers" options={providers.map((x) => x.id)} selected={rule.scope.providerIds} label={(v) => providers.find((x) => x.id === v)?.name ?? v} onChange={(providerIds) => setScope({ providerIds })} disabled={readOnly} testId={`rule-${index}-provider`} />
      <Chips legend="Credential kinds" options={CREDENTIAL_KINDS} selected={rule.scope.kinds} label={(v) => CREDENTIAL_KIND_LABELS[v]} onChange={(kinds) => setScope({ kinds })} disabled={readOnly} testId={`rule-${index}-kind`} />
      <Chips legend="Risk levels" options={RISK_LEVELS} selected={rule.scope.levels} label={(v) => v} onChange={(levels) => setScope({ levels })} disabled={readOnly} testId={`rule-${index}-level`} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-ui font-medium">Approval</legend>
        <label className="flex items-center gap-1.5 text-ui">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={rule.autoApprove !== null}
            disabled={readOnly}
            onChange={(e) => set({ autoApprove: e.target.checked ? { maxLevel: "low", maxSensitivity: "moderate" } : null })}
            data-testid={`rule-${index}-auto`}
          />
          Approve automatically when low-risk
        </label>
        {rule.autoApprove ? (
          <div className="flex flex-wrap items-center gap-2 text-ui">
            <span>risk level up to</span>
            <Select compact aria-label="Highest risk level approved automatically" value={rule.autoApprove.maxLevel} disabled={readOnly} onChange={(e) => set({ autoApprove: { ...rule.autoApprove!, maxLevel: e.target.value as (typeof AUTO_APPROVE_LEVELS)[number] } })}>
              {AUTO_APPROVE_LEVELS.map((l) => (
                <option key={l} value={l}>{l}</option>
              ))}
            </Select>
            <span>and provider sensitivity up to</span>
            <Select compact aria-label="Highest provider sensitivity approved automatically" value={rule.autoApprove.maxSensitivity} disabled={readOnly} onChange={(e) => set({ autoApprove: { ...rule.autoApprove!, maxSensitivity: e.target.value as (typeof SENSITIVITIES)[number] } })}>
              {SENSITIVITIES.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </Select>
          </div>
        ) : (
          <FieldHint>Otherwise the credential&apos;s owner or team approves each request.</FieldHint>
        )}
        <FieldHint data-testid={`rule-${index}-ceiling`}>
          {ceiling.enabled
            ? `Never above the risk policy's auto-approval setting (now: up to ${ceiling.maxLevel}); never for break-glass.`
            : "The risk policy allows no auto-approval now (Settings → Risk policy): every request waits for its owner until it does."}
        </FieldHint>
      </fieldset>
    </li>
  );
}
