import type { ReactNode } from "react";
import { requireEntity } from "@/lib/inventory/entity-title";

/** An unknown id answers 404 here, above the page's loading boundary (see requireEntity). */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requireEntity("reviewCampaign", (await params).id);
  return children;
}
