"use client";

import { useState } from "react";

// lucide's Copy and Check, drawn inline (same markup) and without `cn`: the global error page shows
// this button, and its eagerly loaded chunk should not carry the icon library or the class merger.
const SVG = {
  xmlns: "http://www.w3.org/2000/svg",
  width: 24,
  height: 24,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  "aria-hidden": true,
} as const;

/** Copies a full value (hash, id) that the table shows shortened. `className` is appended (no merge): use it for placement. */
export function CopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          // Clipboard refused (insecure context, permissions): the full value is still in the title.
        }
      }}
      className={`relative inline-flex size-6 items-center justify-center rounded text-muted-foreground transition-colors hover:bg-accent hover:text-foreground${className ? ` ${className}` : ""}`}
    >
      {copied ? (
        <svg {...SVG} className="lucide lucide-check size-3.5 text-success">
          <path d="M20 6 9 17l-5-5" />
        </svg>
      ) : (
        <svg {...SVG} className="lucide lucide-copy size-3.5">
          <rect width="14" height="14" x="8" y="8" rx="2" ry="2" />
          <path d="M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2" />
        </svg>
      )}
      <span className="sr-only" aria-live="polite">
        {copied ? "Copied" : ""}
      </span>
    </button>
  );
}
