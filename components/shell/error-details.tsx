"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** The only detail an error page shows: the digest, which support can match to the server log. */
export function ErrorReference({ error }: { error: unknown }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  if (!digest) return null;
  return (
    <p className="mx-auto mt-4 flex w-fit items-center gap-1.5 rounded-md border border-border bg-surface-sunken px-2.5 py-1 text-xs text-muted-foreground">
      Reference <code className="font-mono text-foreground" data-testid="error-digest">{digest}</code>
      <CopyButton value={digest} label="Copy error reference" />
    </p>
  );
}
