import Link from "next/link";
import { ExposuresTable } from "@/components/exposures/exposures-table";
import { formatNumber } from "@/components/inventory/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TExposureRow } from "@/lib/exposures/queries";

/** An MCP server's exposures: the secrets config scans found in clear in its entries. */
export function ServerExposuresCard({ serverId, items, total, open, now }: { serverId: string; items: TExposureRow[]; total: number; open: number; now: number }) {
  return (
    <Card data-testid="server-exposures">
      <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
        <div className="flex flex-col gap-1">
          <CardTitle>Exposures</CardTitle>
          <CardDescription>
            {total === 0 ? "No secret found in clear in this server's config entries." : `${formatNumber(open)} open of ${formatNumber(total)}: secrets found in clear in its config entries.`}
          </CardDescription>
        </div>
        {total > 0 ? (
          <Link href={`/exposures?server=${serverId}&state=all`} className="shrink-0 text-ui font-medium text-primary hover:underline">
            Open in Exposures
          </Link>
        ) : null}
      </CardHeader>
      {items.length > 0 ? (
        <CardContent>
          <ExposuresTable items={items} now={now} compact />
        </CardContent>
      ) : null}
    </Card>
  );
}
