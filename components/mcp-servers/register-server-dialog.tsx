"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { useServerAction } from "@/lib/client/use-server-action";
import { registerMcpServerAction } from "@/lib/mcp-servers/actions";

/** Admin: track a remote MCP server by its URL (config scans find the others), then probe it. */
export function RegisterServerDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const { pending, error, run, clearError } = useServerAction(registerMcpServerAction, { refresh: false });
  const fe = error?.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setName("");
          setUrl("");
          clearError();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary" data-testid="mcp-register">
          <Plus aria-hidden />
          Register remote server
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Register a remote MCP server</DialogTitle>
        <form
          className="mt-2 flex flex-col gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run({ name: name.trim(), url: url.trim() }, (d) => router.push(`/mcp-servers/${d.id}`));
          }}
        >
          <DialogDescription>A streamable HTTP server with OAuth. Its page then runs the authorization probe against it.</DialogDescription>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="mcp-name">Name</Label>
            <Input id="mcp-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={fe.name ? true : undefined} aria-describedby="mcp-name-error" data-testid="mcp-name" />
            <FieldError id="mcp-name-error" messages={fe.name} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="mcp-url">Server URL</Label>
            <Input id="mcp-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://mcp.example.com/mcp" aria-invalid={fe.url ? true : undefined} aria-describedby="mcp-url-hint mcp-url-error" data-testid="mcp-url" />
            <FieldHint id="mcp-url-hint">The MCP endpoint itself: the probe expects it as the metadata&apos;s resource.</FieldHint>
            <FieldError id="mcp-url-error" messages={fe.url} />
          </div>
          <DialogActions label="Register" pendingLabel="Registering…" pending={pending} testId="mcp-register-submit" />
          <InlineError message={error && !Object.keys(fe).length ? error.message : null} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
