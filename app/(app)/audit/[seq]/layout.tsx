import type { ReactNode } from "react";
import { requireAuditEvent } from "@/lib/audit/event-page";

/** An unknown or malformed event number answers 404 here, above the page's loading boundary. */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ seq: string }> }) {
  await requireAuditEvent((await params).seq);
  return children;
}
