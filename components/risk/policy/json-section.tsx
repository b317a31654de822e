"use client";

import { Braces } from "lucide-react";
import { useState } from "react";
import type { TPolicyDraft } from "@/components/risk/policy/use-policy-draft";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/label";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";

/** The draft as JSON, for bulk edits. Applying it replaces the form's values; validation is the same. */
export function JsonSection({ draft, readOnly }: { draft: TPolicyDraft; readOnly: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = JSON.stringify(draft.draft, null, 2);
  return (
    <details className="rounded-lg border border-border bg-surface shadow-xs" data-testid="policy-json">
      <summary className="flex cursor-pointer items-center gap-2 px-4 py-3 text-sm font-semibold sm:px-5">
        <Braces aria-hidden className="size-4 text-muted-foreground" />
        Advanced: the policy as JSON
      </summary>
      <div className="flex flex-col gap-2 border-t border-border px-4 py-4 sm:px-5">
        <label htmlFor="policy-json-text" className="sr-only">Policy document (JSON)</label>
        <textarea
          id="policy-json-text"
          rows={16}
          spellCheck={false}
          readOnly={readOnly}
          value={text ?? current}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          aria-describedby={error ? "policy-json-error" : undefined}
          className="w-full rounded-md border border-border-strong bg-surface-sunken p-3 font-mono text-xs text-foreground focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-ring/40"
        />
        <FieldError id="policy-json-error" messages={error ? [error] : undefined} />
        {!readOnly ? (
          <div className="flex gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={text === null}
              onClick={() => {
                try {
                  draft.load(JSON.parse(text ?? current) as TRiskPolicy);
                  setText(null);
                } catch (e) {
                  setError(`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
                }
              }}
            >
              Apply to the form
            </Button>
            <Button size="sm" variant="ghost" disabled={text === null} onClick={() => { setText(null); setError(null); }}>
              Revert
            </Button>
          </div>
        ) : null}
      </div>
    </details>
  );
}
