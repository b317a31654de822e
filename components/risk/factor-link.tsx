import Link from "next/link";
import type { ReactNode } from "react";

/** A risk factor as a link to every credential whose current score includes it (inventory `factor=`). */
export function factorHref(id: string): string {
  return `/inventory?factor=${encodeURIComponent(id)}`;
}

export function FactorLink({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <Link href={factorHref(id)} className={className} title={`${title}: every credential it applies to`} data-testid={`factor-link-${id}`}>
      {children}
    </Link>
  );
}
