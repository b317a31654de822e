import { CSA_MAESTRO } from "@/lib/risk/frameworks/csa-maestro";
import { NIST_CSF_2 } from "@/lib/risk/frameworks/nist-csf";
import { OWASP_AGENTIC_2026 } from "@/lib/risk/frameworks/owasp-agentic";
import { OWASP_NHI_2025 } from "@/lib/risk/frameworks/owasp-nhi";
import type { TFramework, TFrameworkItem } from "@/lib/risk/frameworks/types";

/** The frameworks risk factors map to, in display order. Data only: no logic depends on names. */
export const FRAMEWORKS: readonly TFramework[] = [OWASP_NHI_2025, OWASP_AGENTIC_2026, CSA_MAESTRO, NIST_CSF_2];

export type TFrameworkItemRef = TFrameworkItem & { framework: Pick<TFramework, "id" | "shortName"> };

const ITEMS = new Map<string, TFrameworkItemRef>(
  FRAMEWORKS.flatMap((f) => f.items.map((item) => [item.id, { ...item, framework: { id: f.id, shortName: f.shortName } }] as const)),
);

export function frameworkItem(id: string): TFrameworkItemRef | undefined {
  return ITEMS.get(id);
}

export function isFrameworkItemId(id: string): boolean {
  return ITEMS.has(id);
}

export function allFrameworkItemIds(): string[] {
  return [...ITEMS.keys()];
}
