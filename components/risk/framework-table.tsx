import { ArrowUpRight } from "lucide-react";
import Link from "next/link";
import { Fragment } from "react";
import { FactorLink } from "@/components/risk/factor-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TFramework } from "@/lib/risk/frameworks/types";

export type TItemCounts = { total: number; high: number; critical: number };
export type TMappedFactor = { id: string; title: string };

const n = (v: number) => v.toLocaleString("en");

/**
 * One framework: each item with the factors that map to it and how many credentials it currently
 * applies to; each count links to the inventory filtered on the item.
 */
export function FrameworkTable({
  framework,
  counts,
  factorsByItem,
}: {
  framework: TFramework;
  counts: ReadonlyMap<string, TItemCounts>;
  factorsByItem: ReadonlyMap<string, TMappedFactor[]>;
}) {
  const affected = framework.items.filter((i) => (counts.get(i.id)?.total ?? 0) > 0).length;
  return (
    <Card id={framework.id} className="scroll-mt-20" data-testid={`framework-${framework.id}`}>
      <CardHeader className="sm:flex-row sm:items-end sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle>{framework.name}</CardTitle>
          <CardDescription>
            {affected} of {framework.items.length} items apply to at least one credential.{" "}
            <a href={framework.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-0.5 text-primary underline-offset-4 hover:underline">
              Source
              <ArrowUpRight aria-hidden className="size-3" />
              <span className="sr-only">(opens {framework.shortName} in a new tab)</span>
            </a>
          </CardDescription>
        </div>
      </CardHeader>
      {/* Narrow screens: one line per item, the count beside the name (a wide table would hide it). */}
      <ul className="divide-y divide-border sm:hidden" aria-label={`${framework.shortName}: credentials per item`}>
        {framework.items.map((item) => {
          const c = counts.get(item.id) ?? { total: 0, high: 0, critical: 0 };
          const factors = factorsByItem.get(item.id) ?? [];
          return (
            <li key={item.id} className="flex items-start justify-between gap-3 px-4 py-3" data-testid={`framework-row-${item.id}`}>
              <div className="min-w-0">
                <span className="font-mono text-xs text-muted-foreground">{item.code}</span>
                <span className="block text-ui font-medium text-foreground">{item.name}</span>
                <span className="mt-1 block text-xs text-muted-foreground">{factors.length ? factors.map((f) => f.title).join(" · ") : "No factor yet"}</span>
              </div>
              <div className="shrink-0 text-right">
                {c.total > 0 ? (
                  <Link href={`/inventory?framework=${encodeURIComponent(item.id)}`} className="text-sm font-semibold text-primary tabular-nums underline-offset-4 hover:underline" aria-label={`${n(c.total)} credentials mapped to ${item.code} ${item.name}`}>
                    {n(c.total)}
                  </Link>
                ) : (
                  <span className="text-sm text-muted-foreground tabular-nums">0</span>
                )}
                {c.total > 0 ? (
                  <span className="block text-xs whitespace-nowrap text-muted-foreground tabular-nums">
                    {n(c.high)} high · <span className={c.critical > 0 ? "font-semibold text-danger" : undefined}>{n(c.critical)} critical</span>
                  </span>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="hidden p-3 sm:block sm:p-4">
        <Table label={`${framework.shortName}: credentials per item`}>
          <THead>
            <tr>
              <TH>Item</TH>
              <TH>Risk factors mapped</TH>
              <TH className="text-right">Credentials</TH>
              <TH className="text-right">High</TH>
              <TH className="text-right">Critical</TH>
            </tr>
          </THead>
          <TBody>
            {framework.items.map((item, index) => {
              const c = counts.get(item.id) ?? { total: 0, high: 0, critical: 0 };
              const factors = factorsByItem.get(item.id) ?? [];
              // A heading row before the first item of each group (NIST CSF functions).
              const header = item.group && item.group !== framework.items[index - 1]?.group ? item.group : null;
              const href = `/inventory?framework=${encodeURIComponent(item.id)}`;
              return (
                <Fragment key={item.id}>
                  {header ? (
                    <tr className="bg-surface-sunken/60">
                      <th scope="rowgroup" colSpan={5} className="px-4 py-1.5 text-left text-xs font-medium text-muted-foreground">
                        {header}
                      </th>
                    </tr>
                  ) : null}
                  <TR id={`item-${item.id}`} data-testid={`framework-item-${item.id}`}>
                    <TD className="min-w-52">
                      <span className="font-mono text-xs text-muted-foreground">{item.code}</span>
                      <span className="block font-medium text-foreground">{item.name}</span>
                    </TD>
                    <TD className="min-w-48">
                      {factors.length ? (
                        <span className="flex flex-wrap gap-1">
                          {factors.map((f) => (
                            <FactorLink key={f.id} id={f.id} title={f.title}>
                              <Badge tone="neutral" className="hover:bg-accent">
                                {f.title}
                              </Badge>
                            </FactorLink>
                          ))}
                        </span>
                      ) : (
                        <span className="text-xs text-muted-foreground">No factor yet</span>
                      )}
                    </TD>
                    <TD className="text-right tabular-nums">
                      {c.total > 0 ? (
                        <Link href={href} className="font-medium text-primary underline-offset-4 hover:underline" aria-label={`${n(c.total)} credentials mapped to ${item.code} ${item.name}`} data-testid={`framework-count-${item.id}`}>
                          {n(c.total)}
                        </Link>
                      ) : (
                        <span className="text-muted-foreground" data-testid={`framework-count-${item.id}`}>0</span>
                      )}
                    </TD>
                    <TD className="text-right tabular-nums">{c.high > 0 ? n(c.high) : <span className="text-muted-foreground">0</span>}</TD>
                    <TD className="text-right tabular-nums">{c.critical > 0 ? <span className="font-semibold text-danger">{n(c.critical)}</span> : <span className="text-muted-foreground">0</span>}</TD>
                  </TR>
                </Fragment>
              );
            })}
          </TBody>
        </Table>
      </div>
    </Card>
  );
}
