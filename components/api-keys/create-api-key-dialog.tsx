"use client";

import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import type { TCreatedApiKey } from "@/lib/api-keys/services/create-api-key";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { ShownOnceToken } from "@/components/api-keys/shown-once-token";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/**
 * The dialog's body is mounted only while it is open (components/ui/dialog.tsx), so the created key,
 * token included, is component state that disappears when it closes: never a URL, a query key or storage.
 */
function CreateApiKeyBody() {
  const [created, setCreated] = useState<TCreatedApiKey | null>(null);
  return (
    <>
      <DialogTitle className="flex items-center gap-2">
        <KeyRound aria-hidden className="size-4 text-muted-foreground" />
        {created ? "API key created" : "Create API key"}
      </DialogTitle>
      <DialogDescription>
        {created
          ? "Machines send this token as a Bearer token. It acts with your role, cut to its scopes."
          : "A key acts for you, with your current role cut to the scopes chosen here, until it expires or is revoked."}
      </DialogDescription>
      {created ? <ShownOnceToken created={created} /> : <CreateApiKeyForm onCreated={setCreated} />}
    </>
  );
}

export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="primary" data-testid="create-api-key">
          <Plus aria-hidden />
          Create API key
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-lg overflow-y-auto" data-testid="create-api-key-dialog">
        <CreateApiKeyBody />
      </DialogContent>
    </Dialog>
  );
}
