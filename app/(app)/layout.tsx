import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { countPendingApprovals } from "@/lib/workflows/queries";
import { Sidebar } from "@/components/shell/sidebar";
import { SkipLink } from "@/components/shell/skip-link";
import { TopBar } from "@/components/shell/top-bar";

/** Every page in this group is for signed-in users only: requireActor redirects to /sign-in. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const approvals = await countPendingApprovals(await db(), actor);
  const counts = { "/workflows": { count: approvals, label: approvals === 1 ? "request waits for your approval" : "requests wait for your approval" } };
  return (
    <>
      <SkipLink />
      <Sidebar counts={counts} />
      <div className="flex min-h-dvh flex-col lg:pl-60">
        <TopBar actor={actor} counts={counts} />
        <main id="main-content" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8 lg:px-8">
          <div className="mx-auto w-full max-w-6xl">{children}</div>
        </main>
      </div>
    </>
  );
}
