"use client";

import { KeyRound } from "lucide-react";
import type { TAuditSigningStatus } from "@/lib/audit/signing-status";
import { useAuditSigning } from "@/lib/audit/hooks/use-audit-signing";
import { Alert } from "@/components/ui/alert";
import { formatUtc } from "@/components/audit/format";

const count = new Intl.NumberFormat("en-US");

function Item({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 text-ui [overflow-wrap:anywhere]" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * Who signs the chain and how far the signatures reach, shown to every viewer. Running unsigned is a
 * loud warning, not a footnote: without signatures the database owner can rewrite history unseen.
 */
export function SigningStatus({ initial }: { initial: TAuditSigningStatus }) {
  const { data: status = initial } = useAuditSigning(initial);
  const last = status.lastCheckpoint;
  return (
    <div className="flex flex-col gap-3" data-testid="signing-status" data-mode={status.mode}>
      {status.mode === "unsigned" ? (
        <Alert tone="warning" title="The audit trail is not signed" data-testid="unsigned-warning">
          {status.allowUnsigned
            ? "TOKENWARD_AUDIT_ALLOW_UNSIGNED is set, so no checkpoint is signed. "
            : "No signing key is configured (allowed outside production only). "}
          Events are still hash-chained, but whoever controls the database can rewrite them and re-hash the chain without it
          showing. Set TOKENWARD_AUDIT_SIGNING_KEY (npm run audit:keys -- generate).
        </Alert>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-3">
        <Item label="Signing key" testId="signing-key">
          {status.keyId ? <span className="font-mono text-xs">{status.keyId}</span> : <span className="text-muted-foreground">None</span>}
        </Item>
        <Item label="Last signed checkpoint" testId="last-checkpoint">
          {last ? (
            <>
              <span className="font-medium">#{last.seq}</span>
              <span className="text-muted-foreground"> · {formatUtc(last.signedAt)} · </span>
              <span className="font-mono text-xs">{last.keyId}</span>
            </>
          ) : (
            <span className="text-muted-foreground">None yet</span>
          )}
        </Item>
        <Item label="Checkpoints" testId="checkpoint-count">
          {count.format(status.checkpoints)}
          {status.mode === "signed" ? <span className="text-muted-foreground"> · every {count.format(status.every)} events and at each export</span> : null}
        </Item>
      </dl>
      {last && status.keyId && last.keyId !== status.keyId ? (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <KeyRound aria-hidden className="size-3.5" />
          The newest checkpoint was signed by an earlier key; it verifies through TOKENWARD_AUDIT_VERIFY_KEYS.
        </p>
      ) : null}
    </div>
  );
}
