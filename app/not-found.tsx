import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="This page does not exist"
      description="The link may be out of date, or the item may have been removed. Check the address, or start again from the overview."
    >
      <Button asChild variant="primary">
        <Link href="/">
          <ArrowLeft aria-hidden />
          Back to overview
        </Link>
      </Button>
      <Button asChild variant="secondary">
        <Link href="/audit">Open the audit trail</Link>
      </Button>
    </StatusPage>
  );
}
