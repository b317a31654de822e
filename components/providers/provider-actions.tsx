"use client";

import { PlugZap, Pencil, Power, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { deleteProviderAction, setProviderEnabledAction, testProviderAction } from "@/lib/providers/actions";
import { providerKeys } from "@/lib/providers/hooks/query-keys";

type TProps = { id: string; name: string; enabled: boolean; connected: boolean; credentials: number };

/** Test a saved provider: the result (the provider's own words on failure) stays on the page. */
export function TestConnectionButton({ id }: { id: string }) {
  const { pending, error, run } = useServerAction(testProviderAction, { refresh: false });
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run({ id }, setResult)} data-testid="provider-test">
          <PlugZap aria-hidden />
          {pending ? "Testing…" : "Test connection"}
        </Button>
      </div>
      {result ? (
        <Alert tone={result.ok ? "success" : "danger"} title={result.ok ? "Connection works" : "Connection failed"} data-testid="provider-test-result">
          {result.message}
        </Alert>
      ) : null}
      <InlineError message={error?.message} />
    </div>
  );
}

/** Admin controls of a provider's page: edit, enable/disable, delete (refused while credentials reference it). */
export function ProviderActions({ id, name, enabled, connected, credentials }: TProps) {
  const router = useRouter();
  const toggle = useServerAction(setProviderEnabledAction, { invalidate: [providerKeys.all] });
  const remove = useServerAction(deleteProviderAction, { invalidate: [providerKeys.all], refresh: false });
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap gap-2">
        {connected ? (
          <Button asChild size="sm" variant="secondary">
            <Link href={`/providers/${id}/edit`} data-testid="provider-edit">
              <Pencil aria-hidden />
              Edit
            </Link>
          </Button>
        ) : null}
        <Button size="sm" variant="secondary" disabled={toggle.pending} onClick={() => toggle.run({ id, enabled: !enabled })} data-testid="provider-toggle">
          <Power aria-hidden />
          {enabled ? "Disable" : "Enable"}
        </Button>
        <Dialog
          open={confirming}
          onOpenChange={(open) => {
            setConfirming(open);
            if (!open) remove.clearError();
          }}
        >
          <DialogTrigger asChild>
            <Button size="sm" variant="danger-ghost" data-testid="provider-delete">
              <Trash2 aria-hidden />
              Delete
            </Button>
          </DialogTrigger>
          <DialogContent className="text-left whitespace-normal">
            <DialogTitle>Delete {name}?</DialogTitle>
            <DialogDescription>
              {credentials > 0
                ? `${credentials.toLocaleString("en")} credential${credentials === 1 ? "" : "s"} in the inventory come from ${name}; deleting it would lose where they came from, so it is refused. Disable it instead: it is then never called, and its credentials stay.`
                : `Its settings and encrypted secret are removed. Nothing at the provider changes. The deletion is recorded in the audit trail.`}
            </DialogDescription>
            <DialogActions className="mt-5" label="Delete" pendingLabel="Deleting…" pending={remove.pending} variant="danger" onClick={() => remove.run({ id }, () => router.push("/providers"))} testId="provider-delete-confirm" />
            <InlineError message={remove.error?.message} className="mt-3" testId="provider-delete-error" />
          </DialogContent>
        </Dialog>
      </div>
      <InlineError message={toggle.error?.message} />
    </div>
  );
}
