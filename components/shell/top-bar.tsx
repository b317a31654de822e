import type { TActor } from "@/lib/auth/actor";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { TNavCounts } from "@/components/shell/nav-links";
import { MobileNav } from "@/components/shell/mobile-nav";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { Wordmark } from "@/components/shell/wordmark";

export function TopBar({ actor, counts }: { actor: Pick<TActor, "name" | "email" | "role">; counts?: TNavCounts }) {
  return (
    <header className="sticky top-0 z-20 flex h-14 items-center gap-2 border-b border-border bg-background/85 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/70 sm:px-6 lg:px-8">
      <MobileNav counts={counts} />
      <Wordmark className="lg:hidden" />
      <div className="ml-auto flex items-center gap-1">
        <NotificationBell />
        <ThemeToggle />
        <UserMenu name={actor.name} email={actor.email} role={actor.role} />
      </div>
    </header>
  );
}
