import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { FACTOR_LIST } from "@/lib/risk/factors/registry";
import { FRAMEWORKS } from "@/lib/risk/frameworks/catalogue";
import { getFrameworkCounts } from "@/lib/risk/queries";
import { FrameworkTable, type TMappedFactor } from "@/components/risk/framework-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Frameworks" };

export default async function FrameworksPage() {
  await requireActor();
  const counts = await getFrameworkCounts();
  const factorsByItem = new Map<string, TMappedFactor[]>();
  for (const factor of FACTOR_LIST) {
    for (const item of factor.frameworks) factorsByItem.set(item, [...(factorsByItem.get(item) ?? []), { id: factor.id, title: factor.title }]);
  }
  return (
    <>
      <PageHeader
        title="Frameworks"
        description="Where today's risk factors land in OWASP NHI Top 10, OWASP Agentic Top 10, CSA MAESTRO and NIST CSF 2.0. Each count opens the credentials behind it."
        actions={
          <nav aria-label="Frameworks on this page" className="flex flex-wrap gap-1.5">
            {FRAMEWORKS.map((f) => (
              <Link key={f.id} href={`#${f.id}`} className="rounded-md border border-border bg-surface px-2.5 py-1 text-xs font-medium text-muted-foreground hover:bg-accent hover:text-foreground">
                {f.shortName}
              </Link>
            ))}
          </nav>
        }
      />
      <div className="flex flex-col gap-6">
        {FRAMEWORKS.map((framework) => (
          <FrameworkTable key={framework.id} framework={framework} counts={counts.items} factorsByItem={factorsByItem} />
        ))}
        <p className="text-xs text-muted-foreground">
          Counts as of {counts.computedAt.slice(11, 19)} UTC (refreshed at most every 30 s). Mappings are Tokenward&apos;s assessment of which framework items each risk factor evidences (see docs/RISK.md). A credential counts under an item when at
          least one of its current factors maps to it; the policy decides which factors are on.
        </p>
      </div>
    </>
  );
}
