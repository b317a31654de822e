"use client";

import { Check, Copy, Eye } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { revealSecretAction } from "@/lib/workflows/actions";

/**
 * The new secret, once. It lives only in this dialog's state (the mutation cache forgets it at
 * once); closing the dialog drops it, and the server has already erased its copy.
 */
export function RevealSecretDialog({ workflowId, credentialName }: { workflowId: string; credentialName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const { pending, error, run, clearError } = useServerAction(revealSecretAction, { forget: true, refresh: false });
  const close = (o: boolean) => {
    setOpen(o);
    if (!o) {
      // Re-render only once the secret is off the screen: the page then offers the cut-over.
      if (secret !== null) router.refresh();
      setSecret(null);
      setCopied("idle");
      clearError();
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret ?? "");
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogTrigger asChild>
        <Button size="sm" variant="primary" data-testid="workflow-reveal">
          <Eye aria-hidden />
          Reveal the new secret
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>The new secret for “{credentialName}”</DialogTitle>
        {secret === null ? (
          <>
            <DialogDescription>It is shown once, to you, and erased from Tokenward as it is shown. Have the place you will put it ready.</DialogDescription>
            <DialogActions className="mt-5" label="Reveal it now" pendingLabel="Revealing…" pending={pending} onClick={() => run({ workflowId }, (data) => setSecret(data.secret))} testId="workflow-reveal-confirm" />
            <InlineError message={error?.message} className="mt-3" testId="workflow-reveal-error" />
          </>
        ) : (
          <div className="mt-4 flex flex-col gap-4">
            <Alert tone="warning" title="Copy it now: it will not be shown again">
              Put it where its consumers read it, switch them over, then confirm the cut-over: the old credential is revoked only then.
            </Alert>
            <textarea
              readOnly
              rows={3}
              value={secret}
              aria-label="New secret"
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
              className="block w-full resize-none rounded-md border border-border-strong bg-surface-sunken px-3 py-2 font-mono text-xs leading-5 break-all"
              data-testid="workflow-secret"
            />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={copy} data-testid="workflow-secret-copy">
                {copied === "copied" ? <Check aria-hidden className="text-success" /> : <Copy aria-hidden />}
                {copied === "copied" ? "Copied" : copied === "failed" ? "Copy failed: select it" : "Copy"}
              </Button>
              <DialogClose asChild>
                <Button variant="primary" data-testid="workflow-secret-done">
                  Done
                </Button>
              </DialogClose>
            </div>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
