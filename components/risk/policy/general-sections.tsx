"use client";

import { CheckboxField, NumberField } from "@/components/risk/policy/fields";
import { PolicySection } from "@/components/risk/policy/section";
import { getIn, type TPolicyDraft } from "@/components/risk/policy/use-policy-draft";
import { Select } from "@/components/ui/select";
import { FieldError, Label } from "@/components/ui/label";
import { RISK_LEVEL_LABELS } from "@/components/risk/risk-level-badge";
import { CREDENTIAL_STATUSES, SENSITIVITIES } from "@/lib/risk/model";

type TProps = { draft: TPolicyDraft; readOnly: boolean };

const num = (draft: TPolicyDraft, path: string) => getIn(draft.draft, path.split("."));
const errs = (draft: TPolicyDraft, path: string) => draft.errors.get(path);

export function LevelsSection({ draft, readOnly }: TProps) {
  return (
    <PolicySection
      id="levels"
      title="Levels and combination"
      description="The minimum score of each level, and how much the factors other than the strongest add to it."
    >
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {(["low", "medium", "high", "critical"] as const).map((level) => (
          <NumberField
            key={level}
            path={`levels.${level}`}
            label={`${RISK_LEVEL_LABELS[level]} from`}
            min={1}
            max={100}
            value={num(draft, `levels.${level}`)}
            errors={errs(draft, `levels.${level}`)}
            disabled={readOnly}
            onChange={(v) => draft.set(["levels", level], v)}
          />
        ))}
      </div>
      <FieldError id="policy-levels-error" messages={errs(draft, "levels")} className="mt-2" />
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <NumberField
          path="combination.othersWeight"
          label="Weight of the other factors"
          hint="0: only the strongest factor counts. 1: the others close the remaining gap like independent risks. The strongest always counts in full."
          min={0}
          max={1}
          step={0.05}
          value={num(draft, "combination.othersWeight")}
          errors={errs(draft, "combination.othersWeight")}
          disabled={readOnly}
          onChange={(v) => draft.set(["combination", "othersWeight"], v)}
        />
      </div>
    </PolicySection>
  );
}

export function SensitivitySection({ draft, readOnly }: TProps) {
  return (
    <PolicySection
      id="sensitivity"
      title="Provider sensitivity"
      description="The combined score is multiplied by the provider's sensitivity (its blast radius). A credential whose strongest factor alone is high stays at least high."
    >
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {SENSITIVITIES.map((s) => (
          <NumberField
            key={s}
            path={`sensitivity.${s}`}
            label={`${s[0]!.toUpperCase()}${s.slice(1)}`}
            min={0.25}
            max={2}
            step={0.05}
            suffix="×"
            value={num(draft, `sensitivity.${s}`)}
            errors={errs(draft, `sensitivity.${s}`)}
            disabled={readOnly}
            onChange={(v) => draft.set(["sensitivity", s], v)}
          />
        ))}
      </div>
    </PolicySection>
  );
}

export function ScopeSection({ draft, readOnly }: TProps) {
  const statuses = new Set((getIn(draft.draft, ["scoredStatuses"]) as string[] | undefined) ?? []);
  return (
    <PolicySection id="scope" title="What is scored" description="Statuses that carry standing risk (others score 0), and how far back usage evidence counts.">
      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset className="flex flex-col gap-2" data-testid="policy-field-scoredStatuses">
          <legend className="mb-1 text-ui font-medium">Scored statuses</legend>
          <div className="grid grid-cols-2 gap-2">
            {CREDENTIAL_STATUSES.map((status) => (
              <CheckboxField
                key={status}
                path={`scoredStatuses.${status}`}
                label={status}
                checked={statuses.has(status)}
                disabled={readOnly}
                onChange={(on) => draft.set(["scoredStatuses"], CREDENTIAL_STATUSES.filter((s) => (s === status ? on : statuses.has(s))))}
              />
            ))}
          </div>
          <FieldError id="policy-scoredStatuses-error" messages={errs(draft, "scoredStatuses")} />
        </fieldset>
        <NumberField
          path="usageWindowDays"
          label="Usage window"
          hint="Usage events older than this do not count (passthrough, cross-environment, human use, audience)."
          min={1}
          max={730}
          suffix="d"
          value={num(draft, "usageWindowDays")}
          errors={errs(draft, "usageWindowDays")}
          disabled={readOnly}
          onChange={(v) => draft.set(["usageWindowDays"], v)}
        />
      </div>
    </PolicySection>
  );
}

export function AutoApprovalSection({ draft, readOnly }: TProps) {
  const enabled = getIn(draft.draft, ["autoApproval", "scheduledRotations", "enabled"]) === true;
  const maxLevel = String(getIn(draft.draft, ["autoApproval", "scheduledRotations", "maxLevel"]) ?? "low");
  return (
    <PolicySection
      id="auto-approval"
      title="Auto-approval"
      description="Rules the rotation workflows read: which requests skip the owner's approval. Everything else needs one."
    >
      <div className="grid gap-4 sm:grid-cols-2 sm:items-end">
        <CheckboxField
          path="autoApproval.scheduledRotations.enabled"
          label="Auto-approve scheduled rotations"
          description="Only rotations started by a schedule, never revocations."
          checked={enabled}
          disabled={readOnly}
          onChange={(on) => draft.set(["autoApproval", "scheduledRotations", "enabled"], on)}
        />
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="policy-autoApproval-maxLevel">Up to risk level</Label>
          <Select
            id="policy-autoApproval-maxLevel"
            value={maxLevel}
            disabled={readOnly || !enabled}
            onChange={(event) => draft.set(["autoApproval", "scheduledRotations", "maxLevel"], event.target.value)}
            data-testid="policy-field-autoApproval.scheduledRotations.maxLevel"
          >
            {(["none", "low", "medium"] as const).map((l) => (
              <option key={l} value={l}>{RISK_LEVEL_LABELS[l]}</option>
            ))}
          </Select>
        </div>
      </div>
    </PolicySection>
  );
}
