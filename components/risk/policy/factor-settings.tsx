"use client";

import { CheckboxField, KindsField, NumberField, PatternsField, SensitivityField } from "@/components/risk/policy/fields";
import { PolicySection } from "@/components/risk/policy/section";
import { getIn, type TPolicyDraft } from "@/components/risk/policy/use-policy-draft";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TAnyFactor, TParamSpec } from "@/lib/risk/factors/define-factor";
import { FACTOR_LIST } from "@/lib/risk/factors/registry";

function ParamField({ factor, name, spec, draft, readOnly }: { factor: TAnyFactor; name: string; spec: TParamSpec; draft: TPolicyDraft; readOnly: boolean }) {
  const path = `factors.${factor.id}.${name}`;
  const common = { path, label: spec.label, hint: spec.hint, errors: draft.errors.get(path), disabled: readOnly, value: getIn(draft.draft, ["factors", factor.id, name]) };
  const set = (v: unknown) => draft.set(["factors", factor.id, name], v);
  switch (spec.type) {
    case "points":
      return <NumberField {...common} min={0} max={100} suffix="pts" onChange={set} />;
    case "days":
      return <NumberField {...common} min={spec.min} max={spec.max} suffix="d" onChange={set} />;
    case "count":
      return <NumberField {...common} min={spec.min} max={spec.max} onChange={set} />;
    case "sensitivity":
      return <SensitivityField {...common} onChange={set} />;
    case "patterns":
      return <PatternsField {...common} className="sm:col-span-2" onChange={set} />;
    case "kinds":
      return <KindsField {...common} className="sm:col-span-2" onChange={set} />;
  }
}

/** One card per factor of the registry: on/off, its thresholds and points, and where it maps. */
export function FactorsSection({ draft, readOnly }: { draft: TPolicyDraft; readOnly: boolean }) {
  return (
    <PolicySection id="factors" title="Risk factors" description="Each factor adds points when its evidence is found. Switch factors off, or change their thresholds and points.">
      <ul className="flex flex-col gap-3">
        {FACTOR_LIST.map((factor) => {
          const enabled = getIn(draft.draft, ["factors", factor.id, "enabled"]) === true;
          return (
            <li key={factor.id} className={cn("rounded-lg border border-border p-3 sm:p-4", !enabled && "bg-surface-sunken")} data-testid={`policy-factor-${factor.id}`}>
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <CheckboxField
                  path={`factors.${factor.id}.enabled`}
                  label={factor.title}
                  description={factor.description}
                  checked={enabled}
                  disabled={readOnly}
                  onChange={(on) => draft.set(["factors", factor.id, "enabled"], on)}
                />
                <span className="flex shrink-0 flex-wrap gap-1 pl-6 sm:max-w-56 sm:justify-end sm:pl-0" aria-label="Framework items">
                  {factor.frameworks.map((id) => (
                    <Badge key={id} tone="outline">{id}</Badge>
                  ))}
                </span>
              </div>
              <div className={cn("mt-3 grid gap-3 pl-6 sm:grid-cols-2 lg:grid-cols-3", !enabled && "opacity-70")}>
                {Object.entries(factor.params).map(([name, spec]) => (
                  <ParamField key={name} factor={factor} name={name} spec={spec} draft={draft} readOnly={readOnly} />
                ))}
              </div>
              <p className="mt-2 pl-6 text-xs text-muted-foreground">
                <span className="font-mono">{factor.id}</span> · e.g. “{factor.example}”
              </p>
            </li>
          );
        })}
      </ul>
    </PolicySection>
  );
}
