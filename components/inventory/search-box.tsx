"use client";

import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";

/** Debounced search; the first commit of a typing burst adds a history entry, the rest replace it. */
export function SearchBox({ value, onCommit }: { value: string; onCommit: (text: string, first: boolean) => void }) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Back/forward changes the URL under us: follow it (state derived during render, not in an effect).
  if (value !== synced) {
    setSynced(value);
    setText(value);
  }
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const commit = (next: string, immediate = false) => {
    if (timer.current) clearTimeout(timer.current);
    const run = () => {
      onCommit(next, !typing.current);
      typing.current = true;
    };
    if (immediate) run();
    else timer.current = setTimeout(run, 350);
  };
  return (
    <div className="relative min-w-0 flex-1 basis-64">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label="Search credentials by name, external id or last 4 characters"
        placeholder="Search name, external id, last 4…"
        className="h-8 pl-8 text-ui"
        value={text}
        maxLength={200}
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(text, true);
        }}
        onBlur={() => {
          typing.current = false;
        }}
        data-testid="inventory-search"
      />
    </div>
  );
}
