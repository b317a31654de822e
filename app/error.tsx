"use client";

import { Suspense, lazy } from "react";

// The error page's body (buttons, icons, the copyable reference) is loaded only when an error is
// shown: Next loads every error boundary with the page, so anything imported here statically is
// first-load JS on every page. If even this chunk cannot load, the error reaches global-error.tsx.
// React.lazy rather than next/dynamic: its loader is more code again on every page.
const SegmentError = lazy(() => import("@/components/shell/segment-error").then((m) => ({ default: m.SegmentError })));

// Next 16 passes `retry` (re-fetches the segment from the server) and `error` as unknown.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <Suspense fallback={null}>
      <SegmentError error={error} retry={retry} />
    </Suspense>
  );
}
