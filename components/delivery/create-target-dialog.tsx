"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import { InlineError } from "@/components/ui/inline-error";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { useServerAction } from "@/lib/client/use-server-action";
import { createDeliveryTargetAction } from "@/lib/delivery/actions";

/** Add a webhook; its signing secret is shown here once, to configure the receiver with. */
export function CreateTargetDialog() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, error, run, clearError } = useServerAction(createDeliveryTargetAction, { forget: true });
  const fe = error?.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setSecret(null);
          setName("");
          setUrl("");
          clearError();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary" data-testid="delivery-create">
          <Plus aria-hidden />
          Add delivery target
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Add a delivery target</DialogTitle>
        {secret ? (
          <ShownOnceSecret title="Copy the signing secret now: it will not be shown again" value={secret} label="Signing secret" testId="delivery-created" valueTestId="delivery-secret">
            Give it to the receiver: it checks <span className="font-mono">Tokenward-Signature</span> (HMAC-SHA256 of <span className="font-mono">timestamp.body</span>) on every delivery.
          </ShownOnceSecret>
        ) : (
          <form
            className="mt-2 flex flex-col gap-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              run({ name: name.trim(), url: url.trim() }, (d) => setSecret(d.signingSecret));
            }}
          >
            <DialogDescription>A rotation can send its new secret here — a secret store&apos;s sync hook, a deploy pipeline — instead of revealing it to a person.</DialogDescription>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="delivery-name">Name</Label>
              <Input id="delivery-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={fe.name ? true : undefined} aria-describedby="delivery-name-error" data-testid="delivery-name" />
              <FieldError id="delivery-name-error" messages={fe.name} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="delivery-url">URL</Label>
              <Input id="delivery-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://vault-sync.internal/hooks/tokenward" aria-invalid={fe.url ? true : undefined} aria-describedby="delivery-url-hint delivery-url-error" data-testid="delivery-url" />
              <FieldHint id="delivery-url-hint">https only (http for localhost). Redirects are not followed.</FieldHint>
              <FieldError id="delivery-url-error" messages={fe.url} />
            </div>
            <DialogActions label="Add" pendingLabel="Adding…" pending={pending} testId="delivery-submit" />
            <InlineError message={error && !Object.keys(fe).length ? error.message : null} />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
