"use client";

import { useCallback, useMemo, useState } from "react";
import { diffPolicies } from "@/lib/risk/policy/diff";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";
import { policyIssues, validatePolicy } from "@/lib/risk/policy/validate";

/**
 * The editor's draft: a plain JSON copy of the active policy that form fields change by path. It
 * may be invalid while the user types; validation (the same zod schema the server uses) runs on
 * every change, and each message is shown beside its field.
 */

export type TDraftOrigin = { kind: "editor" } | { kind: "import"; fileName: string; content: string };
type TJson = Record<string, unknown>;

function setIn(target: TJson, path: readonly (string | number)[], value: unknown): TJson {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  const copy: TJson = Array.isArray(target) ? ([...target] as unknown as TJson) : { ...target };
  copy[head] = rest.length === 0 ? value : setIn((target?.[head] as TJson) ?? {}, rest, value);
  return copy;
}

export function getIn(target: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as TJson)[key] : undefined), target);
}

export function usePolicyDraft(active: TRiskPolicy) {
  const [draft, setDraft] = useState<TJson>(() => structuredClone(active) as unknown as TJson);
  const [origin, setOrigin] = useState<TDraftOrigin>({ kind: "editor" });

  const set = useCallback((path: readonly (string | number)[], value: unknown) => {
    setDraft((d) => setIn(d, path, value));
    setOrigin({ kind: "editor" });
  }, []);
  const load = useCallback((document: TRiskPolicy, from: TDraftOrigin = { kind: "editor" }) => {
    setDraft(structuredClone(document) as unknown as TJson);
    setOrigin(from);
  }, []);
  const reset = useCallback(() => load(active), [active, load]);

  const validation = useMemo(() => validatePolicy(draft), [draft]);
  const errors = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const issue of policyIssues(draft)) map.set(issue.path, [...(map.get(issue.path) ?? []), issue.message]);
    return map;
  }, [draft]);
  const changes = useMemo(() => diffPolicies(active, validation.ok ? validation.policy : draft), [active, draft, validation]);
  /** Identifies the exact document a preview was computed for. */
  const key = useMemo(() => (validation.ok ? JSON.stringify(validation.policy) : null), [validation]);

  return { draft, origin, set, load, reset, validation, errors, changes, key };
}

export type TPolicyDraft = ReturnType<typeof usePolicyDraft>;
