"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { deleteAlertDestinationAction, testAlertDestinationAction, updateAlertDestinationAction } from "@/lib/alerts/actions";
import { useServerAction } from "@/lib/client/use-server-action";

/** Send a test alert (its outcome said here and written to the history), enable/disable, delete. */
export function DestinationActions({ id, enabled, onDeleted }: { id: string; enabled: boolean; onDeleted?: string }) {
  const test = useServerAction(testAlertDestinationAction);
  const toggle = useServerAction(updateAlertDestinationAction);
  const remove = useServerAction(deleteAlertDestinationAction);
  const router = useRouter();
  const [result, setResult] = useState<{ ok: boolean; status: number | null; error: string | null } | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <Button size="sm" variant="secondary" disabled={test.pending} onClick={() => {
            setResult(null);
            test.run({ id }, setResult);
          }} data-testid="alert-destination-test">
          {test.pending ? "Sending…" : "Send test alert"}
        </Button>
        <Button size="sm" variant="ghost" disabled={toggle.pending} onClick={() => toggle.run({ id, enabled: !enabled })} data-testid="alert-destination-toggle">
          {enabled ? "Disable" : "Enable"}
        </Button>
        <Button
          size="sm"
          variant="danger-ghost"
          disabled={remove.pending}
          onClick={() => {
            if (window.confirm("Delete this destination and its delivery history?")) remove.run({ id }, () => (onDeleted ? router.push(onDeleted) : undefined));
          }}
          data-testid="alert-destination-delete"
        >
          Delete
        </Button>
      </div>
      {result ? (
        <p role="status" className={result.ok ? "text-ui text-success" : "text-ui text-danger"} data-testid="alert-destination-test-result">
          {result.ok ? `Test alert delivered (HTTP ${result.status}).` : `Test alert failed: ${result.error}`}
        </p>
      ) : null}
      <InlineError message={test.error?.message ?? toggle.error?.message ?? remove.error?.message} />
    </div>
  );
}
