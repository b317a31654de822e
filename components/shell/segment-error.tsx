"use client";

import { RotateCw } from "lucide-react";
import { ErrorReference } from "@/components/shell/error-details";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

/** The body of app/error.tsx (see there why it is a separate module). */
export function SegmentError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      description={
        <>
          Tokenward could not show this page. The problem has been logged; trying again often helps. If it keeps happening,
          send the reference below to your administrator.
          <ErrorReference error={error} />
        </>
      }
    >
      <Button variant="primary" onClick={() => retry()}>
        <RotateCw aria-hidden />
        Try again
      </Button>
      {/* A plain link (a full page load): keeps next/link out of this eagerly loaded error chunk, and a
          fresh load is the surer way back after an error anyway. */}
      <Button asChild variant="secondary">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load is intended here */}
        <a href="/">Back to overview</a>
      </Button>
    </StatusPage>
  );
}
