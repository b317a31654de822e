"use client";

import { useId, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { describeIssues, filterToSearchParams, parseCredentialFilter, searchParamsRecord, type TCredentialFilter } from "@/lib/inventory/query-params";
import type { TFilterOptions, TFrameworkOption } from "@/lib/inventory/types";
import { IDENTITY_KIND_LABELS, IDENTITY_KINDS, type TIdentityKind } from "@/lib/inventory/vocabulary";
import { PRIVILEGE_DESCRIPTIONS, PRIVILEGE_LABELS, PRIVILEGES, type TPrivilege } from "@/lib/scopes/privileges";


type TExpiry = "any" | "within" | "never";
type TUse = "any" | "unusedFor" | "never" | "range";

type TDraft = {
  owner: string;
  team: string;
  orphaned: boolean;
  holder: TIdentityKind[];
  privilege: TPrivilege[];
  expiry: TExpiry;
  expiresWithin: string;
  autoRefresh: "" | "only" | "exclude";
  use: TUse;
  unusedFor: string;
  lastUsedAfter: string;
  lastUsedBefore: string;
  exposed: boolean;
  shared: boolean;
  scope: string;
  framework: string;
  factor: string;
};

function draftOf(f: TCredentialFilter): TDraft {
  return {
    owner: f.owner ?? "",
    team: f.team?.length === 1 ? f.team[0]! : "",
    orphaned: f.orphaned ?? false,
    holder: f.holder ?? [],
    privilege: f.privilege ?? [],
    expiry: f.neverExpires ? "never" : f.expiresWithin !== undefined ? "within" : "any",
    expiresWithin: String(f.expiresWithin ?? 30),
    autoRefresh: f.autoRefresh ?? "",
    use: f.neverUsed ? "never" : f.unusedFor !== undefined ? "unusedFor" : f.lastUsedAfter || f.lastUsedBefore ? "range" : "any",
    unusedFor: String(f.unusedFor ?? 90),
    lastUsedAfter: f.lastUsedAfter ?? "",
    lastUsedBefore: f.lastUsedBefore ?? "",
    exposed: f.exposed ?? false,
    shared: f.shared ?? false,
    scope: f.scope ?? "",
    framework: f.framework ?? "",
    factor: f.factor ?? "",
  };
}

/** The draft as URL params, validated by the same schema as the server (same messages). */
function paramsOf(base: TCredentialFilter, d: TDraft): Record<string, string> {
  const keep = filterToSearchParams({
    q: base.q, status: base.status, provider: base.provider, kind: base.kind, env: base.env, risk: base.risk,
    identity: base.identity, server: base.server,
    // A multi-team filter from a link is kept unless the select changed it.
    team: base.team && base.team.length > 1 ? base.team : undefined,
  });
  const out = searchParamsRecord(keep);
  if (d.owner) out.owner = d.owner;
  if (d.team) out.team = d.team;
  if (d.orphaned) out.orphaned = "1";
  if (d.holder.length) out.holder = d.holder.join(",");
  if (d.privilege.length) out.privilege = d.privilege.join(",");
  if (d.expiry === "within") out.expiresWithin = d.expiresWithin.trim();
  if (d.expiry === "never") out.neverExpires = "1";
  if (d.autoRefresh) out.autoRefresh = d.autoRefresh;
  if (d.use === "unusedFor") out.unusedFor = d.unusedFor.trim();
  if (d.use === "never") out.neverUsed = "1";
  if (d.use === "range") {
    if (d.lastUsedAfter) out.lastUsedAfter = d.lastUsedAfter;
    if (d.lastUsedBefore) out.lastUsedBefore = d.lastUsedBefore;
  }
  if (d.exposed) out.exposed = "1";
  if (d.shared) out.shared = "1";
  if (d.scope.trim()) out.scope = d.scope.trim();
  if (d.framework) out.framework = d.framework;
  if (d.factor) out.factor = d.factor;
  return out;
}

function Field({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
    </div>
  );
}

function Check({ checked, onChange, children, testId }: { checked: boolean; onChange: (v: boolean) => void; children: ReactNode; testId?: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" className="size-4 accent-primary" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      {children}
    </label>
  );
}

function Radio<T extends string>({ name, value, current, onChange, children }: { name: string; value: T; current: T; onChange: (v: T) => void; children: ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="radio" name={name} className="size-4 accent-primary" checked={current === value} onChange={() => onChange(value)} />
      {children}
    </label>
  );
}

/** The body of the "More filters" dialog; loaded only when the dialog first opens (more-filters-dialog.tsx). */
export function MoreFiltersForm({
  filter,
  options,
  frameworks,
  onApply,
}: {
  filter: TCredentialFilter;
  options: TFilterOptions;
  frameworks: TFrameworkOption[];
  onApply: (next: TCredentialFilter) => void;
}) {
  const [d, setD] = useState<TDraft>(() => draftOf(filter));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const set = <K extends keyof TDraft>(key: K, value: TDraft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const groups = [...new Set(frameworks.map((f) => f.group))];

  return (
    <form
      className="mt-4 flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseCredentialFilter(paramsOf(filter, d));
        if (!parsed.success) return setError(describeIssues(parsed.error.issues));
        onApply(parsed.data);
      }}
      data-testid="more-filters-form"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Owner" htmlFor={`${id}-owner`}>
          <Select id={`${id}-owner`} value={d.owner} onChange={(e) => set("owner", e.target.value)} data-testid="filter-owner">
            <option value="">Anyone</option>
            <option value="none">No owner</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.active ? "" : " (deactivated)"}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Team" htmlFor={`${id}-team`}>
          <Select id={`${id}-team`} value={d.team} onChange={(e) => set("team", e.target.value)} data-testid="filter-team">
            <option value="">Any team</option>
            <option value="none">No team</option>
            {options.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-ui font-medium">Ownership and exposure</legend>
        <Check checked={d.orphaned} onChange={(v) => set("orphaned", v)} testId="filter-orphaned">
          Orphaned — no team, and no active owner (here or on its identity)
        </Check>
        <Check checked={d.exposed} onChange={(v) => set("exposed", v)} testId="filter-exposed">
          Exposed — found in clear (open findings)
        </Check>
        <Check checked={d.shared} onChange={(v) => set("shared", v)} testId="filter-shared">
          Shared — held by more than one identity or MCP server
        </Check>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-ui font-medium">Held by</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {IDENTITY_KINDS.map((k) => (
            <Check key={k} checked={d.holder.includes(k)} onChange={(v) => set("holder", v ? [...d.holder, k] : d.holder.filter((x) => x !== k))}>
              {IDENTITY_KIND_LABELS[k]}
            </Check>
          ))}
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-ui font-medium">Expiry</legend>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Radio name={`${id}-expiry`} value="any" current={d.expiry} onChange={(v) => set("expiry", v)}>
            Any
          </Radio>
          <Radio name={`${id}-expiry`} value="never" current={d.expiry} onChange={(v) => set("expiry", v)}>
            Never expires
          </Radio>
          <span className="flex items-center gap-2">
            <Radio name={`${id}-expiry`} value="within" current={d.expiry} onChange={(v) => set("expiry", v)}>
              Expires within
            </Radio>
            <Input
              aria-label="Expires within, days"
              className="h-8 w-20"
              inputMode="numeric"
              value={d.expiresWithin}
              onChange={(e) => {
                set("expiresWithin", e.target.value);
                set("expiry", "within");
              }}
              data-testid="filter-expires-within"
            />
            <span className="text-sm text-muted-foreground">days</span>
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Label htmlFor={`${id}-auto-refresh`} className="font-normal">
            Auto-refreshing tokens
          </Label>
          <Select
            id={`${id}-auto-refresh`}
            className="h-8 w-auto"
            value={d.autoRefresh}
            onChange={(e) => set("autoRefresh", e.target.value as TDraft["autoRefresh"])}
            data-testid="filter-auto-refresh"
          >
            <option value="">Included</option>
            <option value="exclude">Left out — their refresh token renews them</option>
            <option value="only">Only these</option>
          </Select>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-ui font-medium">Last use</legend>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Radio name={`${id}-use`} value="any" current={d.use} onChange={(v) => set("use", v)}>
            Any
          </Radio>
          <Radio name={`${id}-use`} value="never" current={d.use} onChange={(v) => set("use", v)}>
            Never used
          </Radio>
          <span className="flex items-center gap-2">
            <Radio name={`${id}-use`} value="unusedFor" current={d.use} onChange={(v) => set("use", v)}>
              Unused for
            </Radio>
            <Input
              aria-label="Unused for, days"
              className="h-8 w-20"
              inputMode="numeric"
              value={d.unusedFor}
              onChange={(e) => {
                set("unusedFor", e.target.value);
                set("use", "unusedFor");
              }}
            />
            <span className="text-sm text-muted-foreground">days or more</span>
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Radio name={`${id}-use`} value="range" current={d.use} onChange={(v) => set("use", v)}>
            Used between
          </Radio>
          <Input
            type="date"
            aria-label="Last used on or after"
            className="h-8 w-40"
            value={d.lastUsedAfter}
            onChange={(e) => {
              set("lastUsedAfter", e.target.value);
              set("use", "range");
            }}
            data-testid="filter-used-after"
          />
          <span className="text-sm text-muted-foreground">and before</span>
          <Input
            type="date"
            aria-label="Last used before"
            className="h-8 w-40"
            value={d.lastUsedBefore}
            onChange={(e) => {
              set("lastUsedBefore", e.target.value);
              set("use", "range");
            }}
          />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-ui font-medium">Grants at least one scope that is</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {PRIVILEGES.map((p) => (
            <Check key={p} checked={d.privilege.includes(p)} onChange={(v) => set("privilege", v ? [...d.privilege, p] : d.privilege.filter((x) => x !== p))} testId={`filter-privilege-${p}`}>
              <span title={PRIVILEGE_DESCRIPTIONS[p]}>{PRIVILEGE_LABELS[p]}</span>
            </Check>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Scope contains" htmlFor={`${id}-scope`}>
          <Input id={`${id}-scope`} placeholder="write, admin, *" value={d.scope} onChange={(e) => set("scope", e.target.value)} data-testid="filter-scope" />
        </Field>
        <Field label="Framework item" htmlFor={`${id}-framework`}>
          <Select id={`${id}-framework`} value={d.framework} onChange={(e) => set("framework", e.target.value)}>
            <option value="">Any</option>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {frameworks.filter((f) => f.group === group).map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field label="Risk factor" htmlFor={`${id}-factor`}>
          <Select id={`${id}-factor`} value={d.factor} onChange={(e) => set("factor", e.target.value)} data-testid="filter-factor">
            <option value="">Any</option>
            {options.factors.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div aria-live="polite">{error ? <Alert tone="danger" title="Check the filters" data-testid="more-filters-error">{error}</Alert> : null}</div>

      <div className="flex justify-end gap-2 border-t border-border pt-4">
        <Button type="button" variant="ghost" onClick={() => setD(draftOf({}))}>
          Reset these
        </Button>
        <Button type="submit" variant="primary" data-testid="more-filters-apply">
          Apply filters
        </Button>
      </div>
    </form>
  );
}
