"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";

/**
 * A secret shown once, in a dialog: it lives only in the dialog's state and Tokenward keeps a hash,
 * a fingerprint or a sealed copy — never this text again. A textarea so the whole value wraps and
 * stays selectable on a phone; `actions` go beside Done.
 */
export function ShownOnceSecret({ title, children, value, label, rows = 2, testId, valueTestId, actions }: {
  title: string;
  /** What to do with it (who checks it, how). */
  children: ReactNode;
  value: string;
  label: string;
  rows?: number;
  testId: string;
  valueTestId: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mt-4 flex flex-col gap-3" data-testid={testId}>
      <Alert tone="warning" title={title}>
        {children}
      </Alert>
      <textarea readOnly rows={rows} value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} className="block w-full resize-none rounded-md border border-border-strong bg-surface-sunken px-3 py-2 font-mono text-xs break-all" data-testid={valueTestId} />
      <div className="flex justify-end gap-2">
        {actions}
        <DialogClose asChild>
          <Button variant="primary">Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}
