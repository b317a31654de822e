import { Check, Minus } from "lucide-react";
import type { ReactNode } from "react";
import Link from "next/link";
import { DetailList } from "@/components/detail/entity-header";
import { VerifyButton } from "@/components/credentials/verify-button";
import { formatRelative, formatUtc } from "@/components/inventory/format";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TCredentialProviderState } from "@/lib/credentials/queries";
import type { TVerificationRecord } from "@/lib/credentials/schemas";

const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;
const list = (values: string[]) => (values.length ? values.join(", ") : muted("none"));

function VerificationResult({ record, at, now, status }: { record: TVerificationRecord; at: string; now: number; status: string }) {
  const when = (
    <time dateTime={at} title={formatUtc(at)} suppressHydrationWarning>
      {formatRelative(at, now)}
    </time>
  );
  if (!record.ok) {
    return (
      <Alert tone="warning" title="The provider could not be asked" data-testid="credential-verification" data-result="error">
        {record.message} <span className="text-muted-foreground">({when}{record.retryable ? "; worth retrying" : ""})</span>
      </Alert>
    );
  }
  // Tokenward revoked it (a workflow), yet the provider still accepts it: the finding, said plainly.
  const disagrees = record.active && (status === "revoked" || status === "disabled");
  return (
    <Alert
      tone={disagrees ? "danger" : record.active ? "success" : "warning"}
      title={disagrees ? `Still active at the provider, though marked ${status} here` : record.active ? "Active at the provider" : "Not active at the provider"}
      data-testid="credential-verification"
      data-result={record.active ? "active" : "inactive"}
    >
      <DetailList
        rows={[
          ["Asked", when],
          ["Scopes", list(record.scopes)],
          ["Audience", list(record.audience)],
          ["Expires", record.expiresAt ? formatUtc(record.expiresAt) : muted("not said")],
          ...(record.clientId ? ([["Client", <code key="c" className="text-xs">{record.clientId}</code>]] as [string, ReactNode][]) : []),
        ]}
      />
      {record.effect === "revoked_upstream" ? <p className="mt-1 text-xs">Marked revoked upstream in the inventory.</p> : null}
      {record.effect === "restored" ? <p className="mt-1 text-xs">A sync had marked it gone; restored to active.</p> : null}
    </Alert>
  );
}

/**
 * The provider's side of a credential: what its connector can do with it (read from the
 * registry's declaration, with the reason for what it cannot), when a sync last listed it, and
 * the provider's last answer to "is it active?" with a button to ask again.
 */
export function ProviderCard({ credentialId, state, status, now, canVerify }: { credentialId: string; state: TCredentialProviderState; status: string; now: number; canVerify: boolean }) {
  const { provider } = state;
  return (
    <Card data-testid="credential-provider">
      <CardHeader>
        <CardTitle>At the provider</CardTitle>
        <CardDescription>
          <Link href={`/providers/${provider.id}`} className="font-medium text-primary hover:underline">
            {provider.name}
          </Link>
          {provider.connected ? "" : " has no connector: Tokenward only lists what it was told."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <DetailList
          rows={[
            ["Last synced", state.lastSyncedAt ? formatUtc(state.lastSyncedAt) : muted("Never listed by a sync")],
            ...(state.revokedUpstreamAt ? ([["Gone upstream", formatUtc(state.revokedUpstreamAt)]] as [string, ReactNode][]) : []),
          ]}
        />
        {state.capabilities.length > 0 ? (
          <ul className="flex flex-col gap-1.5" aria-label="What the provider can do with it">
            {state.capabilities.map((c) => (
              <li key={c.name} className="flex gap-2 text-ui" data-testid={`credential-capability-${c.name}`} data-supported={c.supported}>
                {c.supported ? <Check aria-hidden className="mt-0.5 size-3.5 shrink-0 text-success" /> : <Minus aria-hidden className="mt-0.5 size-3.5 shrink-0 text-muted-foreground" />}
                <span className="min-w-0">
                  {c.label}
                  <span className="sr-only">{c.supported ? ": supported" : ": not supported"}</span>
                  {c.reason ? <span className="block text-xs text-muted-foreground">{c.reason}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {state.verification && state.verifiedAt ? <VerificationResult record={state.verification} at={state.verifiedAt} now={now} status={status} /> : null}
        {canVerify && state.verifyBlocker === null ? <VerifyButton credentialId={credentialId} /> : null}
        {canVerify && state.verifyBlocker !== null && provider.connected ? <p className="text-xs text-muted-foreground">{state.verifyBlocker}</p> : null}
      </CardContent>
    </Card>
  );
}
