"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import type { TCreatedApiKey } from "@/lib/api-keys/services/create-api-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";

/**
 * The token, once: it lives only in the dialog's state and is gone when the dialog closes. Tokenward
 * keeps a hash, so nobody (not even an admin) can show it again.
 */
export function ShownOnceToken({ created }: { created: TCreatedApiKey }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("copied");
    } catch {
      // Insecure context or permission refused: the field is selectable, copy by hand.
      setCopied("failed");
    }
  };

  return (
    <div className="mt-4 flex flex-col gap-4" data-testid="api-key-created">
      <Alert tone="warning" title="Copy the token now: it will not be shown again">
        Store it in your secret manager. Tokenward keeps only a hash; if it is lost, revoke this key and create a new one.
      </Alert>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="api-key-token">
          Token for “{created.name}” <span className="font-mono text-xs font-normal text-muted-foreground">{created.prefix}</span>
        </Label>
        <div className="flex flex-col items-start gap-2 sm:flex-row">
          {/* A textarea so the whole token is visible (it wraps) even on a phone. */}
          <textarea
            id="api-key-token"
            readOnly
            rows={2}
            value={created.token}
            autoComplete="off"
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full min-w-0 resize-none rounded-md border border-border-strong bg-surface-sunken px-3 py-2 font-mono text-xs leading-5 break-all text-foreground focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-ring/40"
            data-testid="api-key-token"
          />
          <Button variant="secondary" onClick={copy} data-testid="api-key-copy" aria-live="polite">
            {copied === "copied" ? <Check aria-hidden className="text-success" /> : <Copy aria-hidden />}
            {copied === "copied" ? "Copied" : "Copy"}
          </Button>
        </div>
        {copied === "failed" ? <p className="text-xs text-muted-foreground">Copying was refused by the browser: select the field and copy it by hand.</p> : null}
        <p className="text-xs text-muted-foreground">
          Send it as <span className="font-mono">Authorization: Bearer …</span>. Scopes: {created.scopes.join(", ")}. Expires{" "}
          <time dateTime={created.expiresAt}>{created.expiresAt.slice(0, 10)}</time>.
        </p>
      </div>
      <div className="flex justify-end">
        <DialogClose asChild>
          <Button variant="primary" data-testid="api-key-done">
            I have stored it
          </Button>
        </DialogClose>
      </div>
    </div>
  );
}
