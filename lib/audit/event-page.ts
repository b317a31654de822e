import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { getAuditEvent } from "@/lib/audit/queries";
import { ZAuditEventSeq } from "@/lib/audit/schemas";

/**
 * /audit/<seq>: a malformed number is a 404 without touching the database; the viewer must be signed
 * in and hold audit.read; a missing event is a 404. Read once per request (layout and page).
 */
export const requireAuditEvent = cache(async (raw: string) => {
  if (!ZAuditEventSeq.safeParse(raw).success || BigInt(raw) > 9_223_372_036_854_775_807n) notFound();
  const actor = await requireActor();
  if (!allows(actor, "audit.read")) notFound();
  const event = await getAuditEvent(BigInt(raw));
  if (!event) notFound();
  return event;
});
