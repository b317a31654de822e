"use client";

import { Check, ChevronsUpDown, LoaderCircle, Sparkles, Users } from "lucide-react";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/input";
import { useOwnerSearch, type TSuggestFor } from "@/lib/owners/hooks/use-owner-search";
import type { TOwnerKind, TOwnerOption, TSuggestedOwner } from "@/lib/owners/schemas";

/**
 * The owner picker: an ARIA 1.2 combobox (input + listbox) over GET /api/v1/owners. Type to search
 * people or teams on the server (debounced); with nothing typed it offers "keep", "none" and the
 * suggested owners with their reason. Keyboard: ↓ opens, ↓/↑ move, Home/End, Enter picks, Escape closes
 * (a second Escape reaches the dialog).
 */

export type TOwnerChoice = { mode: "keep" } | { mode: "none" } | { mode: "pick"; option: TOwnerOption };

type TEntry =
  | { key: string; type: "keep" | "none"; label: string }
  | { key: string; type: "option"; option: TOwnerOption; reason?: string; group: "suggested" | "results" };

const WORDS: Record<TOwnerKind, { none: string; results: string; placeholder: string }> = {
  user: { none: "No owner", results: "People", placeholder: "Search people by name" },
  team: { none: "No team", results: "Teams", placeholder: "Search teams" },
};

export function choiceLabel(kind: TOwnerKind, choice: TOwnerChoice): string {
  if (choice.mode === "keep") return "Keep as it is";
  if (choice.mode === "none") return WORDS[kind].none;
  return choice.option.email ? `${choice.option.name} — ${choice.option.email}` : choice.option.name;
}

export function OwnerCombobox({
  id,
  kind,
  value,
  onChange,
  suggestFor,
  disabled,
  searchesEmail,
  testId,
}: {
  id: string;
  kind: TOwnerKind;
  value: TOwnerChoice;
  onChange: (choice: TOwnerChoice) => void;
  suggestFor?: TSuggestFor;
  disabled?: boolean;
  /** Whether the viewer may search by e-mail (roles with users.read); only changes the placeholder. */
  searchesEmail?: boolean;
  testId: string;
}) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const search = useOwnerSearch(kind, text, suggestFor, open);
  const words = WORDS[kind];

  const typed = text.trim() !== "";
  const data = search.data;
  const entries: TEntry[] = typed
    ? (data?.items ?? []).map((option) => ({ key: `r-${option.id}`, type: "option", option, group: "results" }))
    : [
        { key: "keep", type: "keep", label: "Keep as it is" },
        { key: "none", type: "none", label: words.none },
        ...(data?.suggestions ?? []).map((s: TSuggestedOwner) => ({ key: `s-${s.id}`, type: "option" as const, option: s, reason: s.reason, group: "suggested" as const })),
        ...(data?.items ?? [])
          .filter((o) => !data?.suggestions.some((s) => s.id === o.id))
          .map((option) => ({ key: `r-${option.id}`, type: "option" as const, option, group: "results" as const })),
      ];
  const current = Math.min(active, Math.max(entries.length - 1, 0));
  const optionId = (i: number) => `${listId}-${i}`;

  const close = () => {
    setOpen(false);
    setText("");
  };
  const pick = (entry: TEntry | undefined) => {
    if (!entry) return;
    if (entry.type === "option") onChange({ mode: "pick", option: entry.option });
    else onChange({ mode: entry.type });
    close();
  };
  const move = (next: number) => {
    setActive(next);
    document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      if (entries.length === 0) return;
      move(event.key === "ArrowDown" ? (current + 1) % entries.length : (current - 1 + entries.length) % entries.length);
    } else if (event.key === "Home" && open && entries.length) {
      event.preventDefault();
      move(0);
    } else if (event.key === "End" && open && entries.length) {
      event.preventDefault();
      move(entries.length - 1);
    } else if (event.key === "Enter") {
      // Enter picks; it never submits the dialog's form from inside the picker.
      event.preventDefault();
      if (open) pick(entries[current]);
      else setOpen(true);
    } else if (event.key === "Escape" && open) {
      // Close the list only: the dialog around it stays open.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const showList = open && !disabled;
  return (
    <div className="relative">
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && entries.length ? optionId(current) : undefined}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          className={cn(controlClassName, "pr-9", !open && value.mode !== "pick" && "text-muted-foreground")}
          placeholder={open ? (kind === "user" && searchesEmail ? "Search people by name or e-mail" : words.placeholder) : undefined}
          value={open ? text : choiceLabel(kind, value)}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          // Opens on click, typing or ↓ — not on focus, so a dialog's first field does not pop its list over the next.
          onClick={() => setOpen(true)}
          onBlur={(event) => {
            // A click in the list keeps focus handling to the option (mousedown is prevented there).
            if (!event.currentTarget.parentElement?.parentElement?.contains(event.relatedTarget as Node | null)) close();
          }}
          onKeyDown={onKeyDown}
          data-testid={testId}
        />
        <span className="pointer-events-none absolute inset-y-0 right-2.5 flex items-center text-muted-foreground">
          {open && search.isFetching ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : <ChevronsUpDown aria-hidden className="size-4" />}
        </span>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={kind === "user" ? "Owners" : "Teams"}
        hidden={!showList}
        // In the flow, not floating: a dialog clips what overflows it, and the list then simply
        // pushes the fields below it down (the dialog scrolls on a phone).
        className="mt-1 max-h-64 overflow-y-auto overscroll-contain rounded-lg border border-border bg-surface p-1 text-foreground shadow-md"
        data-testid={`${testId}-list`}
      >
        {entries.map((entry, i) => {
          const group = entry.type === "option" ? entry.group : "special";
          const previous = entries[i - 1];
          const previousGroup = previous ? (previous.type === "option" ? previous.group : "special") : undefined;
          const heading = group !== previousGroup && group !== "special" ? (group === "suggested" ? "Suggested" : words.results) : null;
          const selected =
            entry.type === "option" ? value.mode === "pick" && value.option.id === entry.option.id : value.mode === entry.type;
          return (
            <li key={entry.key} role="presentation">
              {heading ? (
                <div role="presentation" className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase">
                  {heading}
                </div>
              ) : null}
              <div
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                aria-checked={selected}
                className={cn(
                  "flex cursor-default items-start gap-2 rounded-md px-2 py-1.5 text-ui select-none",
                  i === current && "bg-accent",
                )}
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => i !== current && setActive(i)}
                onClick={() => pick(entry)}
                data-testid={entry.type === "option" ? `${testId}-option` : `${testId}-${entry.type}`}
                data-reason={entry.type === "option" ? entry.reason : undefined}
              >
                <span className="mt-0.5 size-4 shrink-0 text-primary">{selected ? <Check aria-hidden className="size-4" /> : null}</span>
                <span className="min-w-0 flex-1">
                  {entry.type === "option" ? (
                    <>
                      <span className="block break-words">
                        {kind === "team" ? <Users aria-hidden className="mr-1 inline size-3.5 align-[-2px] text-muted-foreground" /> : null}
                        {entry.option.name}
                      </span>
                      {entry.option.email ? <span className="block text-xs break-all text-muted-foreground">{entry.option.email}</span> : null}
                      {entry.reason ? (
                        <span className="mt-0.5 flex items-start gap-1 text-xs text-primary-subtle-foreground">
                          <Sparkles aria-hidden className="mt-0.5 size-3 shrink-0" />
                          <span className="break-words">{entry.reason}</span>
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-muted-foreground">{entry.label}</span>
                  )}
                </span>
              </div>
            </li>
          );
        })}
        {typed && search.settled && entries.length === 0 ? (
          <li role="presentation" className="px-2 py-2 text-ui text-muted-foreground" data-testid={`${testId}-empty`}>
            No match for “{text.trim()}”
          </li>
        ) : null}
        {search.isError ? (
          <li role="presentation" className="px-2 py-2 text-ui text-danger">
            {search.error.message}
          </li>
        ) : null}
        {!typed && data && data.items.length >= 20 ? (
          <li role="presentation" className="px-2 py-1.5 text-xs text-muted-foreground">
            Type to search all {kind === "user" ? "people" : "teams"}.
          </li>
        ) : null}
      </ul>
    </div>
  );
}
