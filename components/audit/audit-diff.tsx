import { summaryView, type TChange } from "@/lib/audit/diff";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

function Json({ value }: { value: unknown }) {
  if (value === undefined) return <span className="text-muted-foreground italic">absent</span>;
  if (value === null) return <code className="font-mono text-xs text-muted-foreground">null</code>;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return <code className="font-mono text-xs [overflow-wrap:anywhere]">{text}</code>;
}

const KIND_LABEL: Record<TChange["kind"], string> = { added: "added", removed: "removed", changed: "changed" };

/**
 * The event's before/after, one row per field that differs (lib/audit/diff.ts): a field equal on
 * both sides is not listed, null and absent read differently, and other summary keys follow as context.
 */
export function AuditDiff({ summary }: { summary: unknown }) {
  const view = summaryView(summary);
  return (
    <div className="flex flex-col gap-4">
      {view.hasChange ? (
        view.changes.length === 0 ? (
          <p className="text-ui text-muted-foreground" data-testid="audit-diff-empty">
            Before and after are identical: nothing changed.
          </p>
        ) : (
          <Table label="Fields changed by this event" data-testid="audit-diff">
            <THead>
              <tr>
                <TH>Field</TH>
                <TH>Before</TH>
                <TH>After</TH>
              </tr>
            </THead>
            <TBody>
              {view.changes.map((c) => (
                <TR key={c.path} data-testid={`diff-${c.path}`} data-kind={c.kind}>
                  <TD className="font-mono text-xs">
                    {c.path} <span className="text-muted-foreground">({KIND_LABEL[c.kind]})</span>
                  </TD>
                  <TD className="text-muted-foreground line-through decoration-muted-foreground/50">{c.kind === "added" ? <span className="no-underline">—</span> : <Json value={c.before} />}</TD>
                  <TD>{c.kind === "removed" ? <span className="text-muted-foreground">—</span> : <Json value={c.after} />}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )
      ) : null}
      {view.context.length > 0 ? (
        <dl className="divide-y divide-border" data-testid="audit-context">
          {view.context.map(([key, value]) => (
            <div key={key} className="grid grid-cols-[8rem_1fr] gap-3 py-2 text-ui">
              <dt className="font-mono text-xs text-muted-foreground">{key}</dt>
              <dd className="min-w-0">
                <Json value={value} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {!view.hasChange && view.context.length === 0 ? <p className="text-ui text-muted-foreground">No details recorded.</p> : null}
    </div>
  );
}
