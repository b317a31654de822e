import { NavLinks, type TNavCounts } from "@/components/shell/nav-links";
import { Wordmark } from "@/components/shell/wordmark";

/** Desktop navigation (lg and up); below that the same links live in the mobile drawer. */
export function Sidebar({ counts }: { counts?: TNavCounts }) {
  return (
    <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r border-border bg-surface lg:flex">
      <div className="flex h-14 shrink-0 items-center px-4">
        <Wordmark />
      </div>
      <nav aria-label="Main" className="flex flex-1 flex-col overflow-y-auto px-3 pt-2 pb-4">
        <NavLinks counts={counts} />
      </nav>
    </aside>
  );
}
