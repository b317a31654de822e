import Link from "next/link";
import { formatUtc } from "@/components/inventory/format";
import { Alert } from "@/components/ui/alert";
import type { TFailingSync } from "@/lib/providers/queries";

/** On the overview: providers whose last sync failed, each with its error and a link to its page. */
export function FailingSyncsAlert({ failing }: { failing: TFailingSync[] }) {
  if (failing.length === 0) return null;
  return (
    <Alert tone="danger" title={failing.length === 1 ? "A provider's last sync failed" : `${failing.length} providers' last syncs failed`} className="mb-6" data-testid="overview-failing-syncs">
      <ul className="flex flex-col gap-1">
        {failing.slice(0, 5).map((f) => (
          <li key={f.id} className="[overflow-wrap:anywhere]">
            <Link href={`/providers/${f.id}`} className="font-medium underline-offset-2 hover:underline">
              {f.name}
            </Link>
            {f.at ? <span className="text-muted-foreground"> · {formatUtc(f.at)}</span> : null}
            {f.error ? <span className="block text-xs text-muted-foreground">{f.error}</span> : null}
          </li>
        ))}
      </ul>
      {failing.length > 5 ? (
        <Link href="/providers" className="mt-1 inline-block text-xs font-medium hover:underline">
          All providers
        </Link>
      ) : null}
    </Alert>
  );
}
