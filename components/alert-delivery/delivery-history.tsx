import { Send } from "lucide-react";
import { ResendButton } from "@/components/alert-delivery/resend-button";
import { STATUS_TONES } from "@/components/alert-delivery/labels";
import { formatRelative, formatUtc } from "@/components/inventory/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TAttemptRow, TDeliveryRow } from "@/lib/alerts/queries";

function When({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={formatUtc(iso)} className="whitespace-nowrap tabular-nums" suppressHydrationWarning>
      {formatRelative(iso, now)}
    </time>
  );
}

/** The destination's last deliveries (status, tries, last error, re-send) and its last tries. */
export function DeliveryHistory({ deliveries, attempts, now, canResend }: { deliveries: TDeliveryRow[]; attempts: TAttemptRow[]; now: number; canResend: boolean }) {
  if (deliveries.length === 0) return <EmptyState icon={Send} title="Nothing sent yet" description="New findings and test alerts appear here with every try." />;
  return (
    <div className="flex flex-col gap-6">
      <Table label="Deliveries" data-testid="alert-deliveries">
        <THead>
          <tr>
            <TH>Alert</TH>
            <TH>Status</TH>
            <TH>Tries</TH>
            <TH>Last answer</TH>
            <TH className="text-right">Queued</TH>
          </tr>
        </THead>
        <TBody>
          {deliveries.map((d) => (
            <TR key={d.id} data-testid="alert-delivery-row" data-status={d.status} data-delivery-id={d.id}>
              <TD>
                <span className="font-medium">{d.test ? "Test alert" : (d.detector ?? "alert")}</span>
                {d.credential && !d.test ? <span className="text-muted-foreground"> on {d.credential}</span> : null}
                <div className="font-mono text-xs text-muted-foreground" title={`Idempotency-Key ${d.id}`}>
                  {d.id.slice(0, 8)}
                </div>
              </TD>
              <TD>
                <Badge tone={STATUS_TONES[d.status]}>{d.status}</Badge>
                {d.status === "pending" && d.nextAttemptAt ? (
                  <div className="text-xs text-muted-foreground">
                    next try <When iso={d.nextAttemptAt} now={now} />
                  </div>
                ) : null}
              </TD>
              <TD className="tabular-nums">{d.attempts}</TD>
              <TD className="text-ui [overflow-wrap:anywhere]" data-testid="alert-delivery-last">
                {d.status === "delivered" ? `HTTP ${d.lastStatus ?? "2xx"}` : (d.lastError ?? "—")}
              </TD>
              <TD className="text-right">
                <div className="flex flex-col items-end gap-1">
                  <When iso={d.createdAt} now={now} />
                  {canResend && d.status === "failed" ? <ResendButton deliveryId={d.id} /> : null}
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <section>
        <h3 className="mb-2 text-sm font-semibold">Last tries</h3>
        <ol className="divide-y divide-border rounded-lg border border-border" data-testid="alert-attempts">
          {attempts.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 px-3 py-2 text-ui" data-testid="alert-attempt" data-ok={a.ok}>
              <Badge tone={a.ok ? "success" : "danger"}>{a.ok ? "ok" : "failed"}</Badge>
              <When iso={a.at} now={now} />
              <span className="text-muted-foreground">
                {a.httpStatus ? `HTTP ${a.httpStatus}` : "no answer"} · {a.durationMs} ms
              </span>
              {a.error ? <span className="basis-full text-xs text-muted-foreground [overflow-wrap:anywhere]">{a.error}</span> : null}
              <span className="font-mono text-xs text-muted-foreground" title={`Idempotency-Key ${a.deliveryId}`}>
                {a.deliveryId.slice(0, 8)}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
