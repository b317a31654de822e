import type { Metadata } from "next";
import Link from "next/link";
import { DetailList, EntityHeader } from "@/components/detail/entity-header";
import { formatUtc } from "@/components/inventory/format";
import { BatchProgress } from "@/components/workflows/batch-progress";
import { BreakGlassBadge, WorkflowStateBadge } from "@/components/workflows/state-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { allows } from "@/lib/auth/access";
import { entityTitle, loadEntityPage } from "@/lib/inventory/entity-title";
import { getBatch } from "@/lib/workflows/bulk/queries";

type TParams = Promise<{ id: string }>;
type TSearch = Promise<Record<string, string | string[] | undefined>>;
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  return { title: await entityTitle("workflowBatch", (await params).id, "Bulk revocation") };
}

export default async function BatchPage({ params, searchParams }: { params: TParams; searchParams: TSearch }) {
  const search = await searchParams;
  const failedOnly = search.failed === "1";
  const cursor = typeof search.cursor === "string" && /^[0-9a-f-]{36}$/.test(search.cursor) ? search.cursor : undefined;
  const { actor, data: b } = await loadEntityPage((await params).id, (prisma, id) => getBatch(prisma, id, { failedOnly, cursor }));
  const base = `/workflows/batches/${b.id}`;
  return (
    <>
      <EntityHeader back={{ href: "/workflows?view=all&breakGlass=1", label: "Workflows" }} title={`Bulk revocation of ${b.eligible.toLocaleString("en")}`} testId="batch-title" subtitle={b.reason} badges={<BreakGlassBadge />} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Progress</CardTitle>
              <CardDescription>Each credential is its own workflow: one provider&apos;s failure holds up only its own items.</CardDescription>
            </CardHeader>
            <CardContent>
              <BatchProgress batchId={b.id} initial={b.progress} canRetry={allows(actor, "workflows.break_glass")} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
              <CardTitle>{failedOnly ? "Failed items" : "Items"}</CardTitle>
              <Link href={failedOnly ? base : `${base}?failed=1`} className="text-ui font-medium text-primary hover:underline" data-testid="batch-filter">
                {failedOnly ? "Show all" : "Only the failed"}
              </Link>
            </CardHeader>
            <CardContent>
              {b.items.length === 0 ? (
                <p className="text-ui text-muted-foreground">None.</p>
              ) : (
                <Table label="Items of the bulk revocation" data-testid="batch-items">
                  <THead>
                    <tr>
                      <TH>Credential</TH>
                      <TH>State</TH>
                      <TH>Provider&apos;s answer</TH>
                    </tr>
                  </THead>
                  <TBody>
                    {b.items.map((i) => (
                      <TR key={i.id} data-testid="batch-item" data-state={i.state}>
                        <TD className="min-w-44">
                          <Link href={`/workflows/${i.id}`} className="font-medium hover:underline">
                            {i.credential.name}
                          </Link>
                          <div className="text-xs text-muted-foreground">{i.provider}</div>
                        </TD>
                        <TD>
                          <WorkflowStateBadge state={i.state} />
                        </TD>
                        <TD className="max-w-md text-xs [overflow-wrap:anywhere]">{i.error ?? <span className="text-muted-foreground">—</span>}</TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              )}
              {b.nextCursor ? (
                <div className="mt-3 flex justify-end">
                  <Link href={`${base}?${failedOnly ? "failed=1&" : ""}cursor=${b.nextCursor}`} className="text-ui font-medium text-primary hover:underline">
                    Next {b.items.length}
                  </Link>
                </div>
              ) : null}
            </CardContent>
          </Card>
        </div>
        <Card className="h-fit">
          <CardHeader>
            <CardTitle>What was asked</CardTitle>
          </CardHeader>
          <CardContent className="py-2">
            <DetailList
              rows={[
                ["By", b.requestedBy],
                ["When", formatUtc(b.createdAt)],
                ["Scope", b.filter !== null ? <Link key="f" href={`/inventory${b.filter ? `?${b.filter}` : ""}`} className="text-primary hover:underline">inventory filter</Link> : `${b.selected.toLocaleString("en")} selected`],
                ["Revoking", b.eligible.toLocaleString("en")],
                [
                  "Left out",
                  Object.keys(b.skipped).length ? (
                    <ul key="s" className="flex flex-col gap-1">
                      {Object.entries(b.skipped).map(([reason, count]) => (
                        <li key={reason}>
                          <span className="font-medium tabular-nums">{count.toLocaleString("en")}</span>: {reason}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "None"
                  ),
                ],
              ]}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
