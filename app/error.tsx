"use client";

import dynamic from "next/dynamic";

// The error page's body (buttons, icons, the copyable reference) is loaded only when an error is
// shown: Next loads every error boundary with the page, so anything imported here statically is
// first-load JS on every page. If even this chunk cannot load, the error reaches global-error.tsx.
const SegmentError = dynamic(() => import("@/components/shell/segment-error").then((m) => m.SegmentError));

// Next 16 passes `retry` (re-fetches the segment from the server) and `error` as unknown.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError error={error} retry={retry} />;
}
