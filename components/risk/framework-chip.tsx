import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { frameworkItem } from "@/lib/risk/frameworks/catalogue";

/** A framework item id as a link to every credential mapped to it; the full name on hover and for screen readers. */
export function FrameworkChip({ id }: { id: string }) {
  const item = frameworkItem(id);
  const label = item ? `${item.framework.shortName} ${item.code} ${item.name}` : id;
  return (
    <Link href={`/inventory?framework=${encodeURIComponent(id)}`} title={`${label}: every credential mapped to it`} aria-label={`${label}: show credentials`}>
      <Badge tone="outline" className="hover:bg-accent">
        {id}
      </Badge>
    </Link>
  );
}
