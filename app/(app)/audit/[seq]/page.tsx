import type { Metadata } from "next";
import { requireAuditEvent } from "@/lib/audit/event-page";
import { AuditEventDetail } from "@/components/audit/audit-event-detail";

type TParams = Promise<{ seq: string }>;

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  const seq = (await params).seq;
  return { title: /^\d{1,19}$/.test(seq) ? `Audit event #${seq}` : "Audit event" };
}

export default async function AuditEventPage({ params }: { params: TParams }) {
  return <AuditEventDetail event={await requireAuditEvent((await params).seq)} />;
}
