import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import type { TApiKeyRow, TApiKeyStatus } from "@/lib/api-keys/queries";
import { daysLeft, expiresInLabel, EXPIRY_WARNING_DAYS, scopeLabel } from "@/components/api-keys/format";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { formatDate, formatRelative, formatUtc } from "@/components/inventory/format";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

const STATUS: Record<TApiKeyStatus, { label: string; tone: "success" | "neutral" | "danger" }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "neutral" },
  revoked: { label: "Revoked", tone: "danger" },
};

function Expiry({ apiKey, now }: { apiKey: TApiKeyRow; now: number }) {
  const days = daysLeft(apiKey.expiresAt, now);
  const soon = apiKey.status === "active" && days < EXPIRY_WARNING_DAYS;
  return (
    <div className="flex flex-col gap-1">
      <time dateTime={apiKey.expiresAt} title={formatUtc(apiKey.expiresAt)} className="tabular-nums">
        {formatDate(apiKey.expiresAt)}
      </time>
      {soon ? (
        <Badge tone="warning" className="self-start" data-testid={`api-key-expiry-warning-${apiKey.prefix}`}>
          <TriangleAlert aria-hidden />
          {expiresInLabel(days)}
        </Badge>
      ) : null}
    </div>
  );
}

function LastUsed({ apiKey, now }: { apiKey: TApiKeyRow; now: number }) {
  if (!apiKey.lastUsedAt) return <span className="text-muted-foreground">Never</span>;
  return (
    <div className="flex flex-col">
      <time dateTime={apiKey.lastUsedAt} title={apiKey.lastUsedAt} suppressHydrationWarning>
        {formatRelative(apiKey.lastUsedAt, now)}
      </time>
      <span className="text-xs text-muted-foreground tabular-nums">
        {formatUtc(apiKey.lastUsedAt)}
        {apiKey.lastUsedFrom ? ` · from ${apiKey.lastUsedFrom}` : ""}
      </span>
    </div>
  );
}

/** Every key, newest first; keys that no longer work are greyed but stay listed (who made what, when). */
export function ApiKeysTable({ keys, now }: { keys: TApiKeyRow[]; now: number }) {
  return (
    <Table label="API keys" data-testid="api-keys-table">
      <THead>
        <tr>
          <TH>Key</TH>
          <TH>Scopes</TH>
          <TH>Created</TH>
          <TH>Expires</TH>
          <TH>Last used</TH>
          <TH>Status</TH>
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {keys.map((apiKey) => {
          const live = apiKey.status === "active";
          const status = STATUS[apiKey.status];
          return (
            <TR key={apiKey.id} data-testid={`api-key-row-${apiKey.prefix}`} data-status={apiKey.status} className={cn(!live && "bg-surface-sunken/60 text-muted-foreground")}>
              <TD className="min-w-48">
                <Link
                  href={`/inventory/${apiKey.credentialId}`}
                  className={cn("font-medium underline-offset-4 hover:underline", live ? "text-foreground" : "text-muted-foreground")}
                  data-testid={`api-key-link-${apiKey.prefix}`}
                >
                  {apiKey.name}
                </Link>
                <div className="font-mono text-xs text-muted-foreground">{apiKey.prefix}…</div>
              </TD>
              <TD>
                <div className="flex max-w-64 flex-wrap gap-1">
                  {apiKey.scopes.map((scope) => (
                    <Badge key={scope} tone={live ? "primary" : "neutral"} title={scopeLabel(scope)} className="font-mono">
                      {scope}
                    </Badge>
                  ))}
                </div>
              </TD>
              <TD className="whitespace-nowrap">
                <time dateTime={apiKey.createdAt} title={formatUtc(apiKey.createdAt)} className="tabular-nums">
                  {formatDate(apiKey.createdAt)}
                </time>
                <div className="text-xs text-muted-foreground" title={apiKey.creator.email}>
                  by {apiKey.creator.name}
                </div>
              </TD>
              <TD className="whitespace-nowrap">
                <Expiry apiKey={apiKey} now={now} />
              </TD>
              <TD className="whitespace-nowrap" data-testid={`api-key-last-used-${apiKey.prefix}`}>
                <LastUsed apiKey={apiKey} now={now} />
              </TD>
              <TD className="whitespace-nowrap" data-testid={`api-key-status-${apiKey.prefix}`}>
                <Badge tone={status.tone}>{status.label}</Badge>
              </TD>
              <TD className="text-right whitespace-nowrap">
                {live ? <RevokeApiKeyButton id={apiKey.id} name={apiKey.name} prefix={apiKey.prefix} /> : null}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
