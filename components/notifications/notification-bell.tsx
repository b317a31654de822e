"use client";

import { useQuery } from "@tanstack/react-query";
import { Bell, CheckCheck } from "lucide-react";
import Link from "next/link";
import { formatRelative } from "@/components/inventory/format";
import { cn } from "@/components/ui/cn";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { apiGet, retryUnlessClientError } from "@/lib/client/api";
import { useServerAction } from "@/lib/client/use-server-action";
import { markNotificationsRead } from "@/lib/notifications/actions";
import { notificationKeys } from "@/lib/notifications/hooks/query-keys";
import type { TNotificationList } from "@/lib/notifications/schemas";

/** How often the bell asks for news while the page is open. */
const POLL_MS = 60_000;

/**
 * The top bar's bell: unread count, and the newest notifications (what was assigned to you or your
 * team). Opening one marks it read and goes to the thing; "Mark all read" clears the count.
 */
export function NotificationBell() {
  const list = useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) => apiGet<TNotificationList>("/api/v1/notifications", { signal }),
    refetchInterval: POLL_MS,
    retry: retryUnlessClientError,
  });
  const mark = useServerAction(markNotificationsRead, { invalidate: [notificationKeys.all], refresh: false });
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  // The list's own fetch time: relative times stay pure during render.
  const now = list.dataUpdatedAt;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="relative flex size-9 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground data-[state=open]:bg-accent"
        aria-label={unread > 0 ? `Notifications: ${unread} unread` : "Notifications"}
        data-testid="notifications-open"
      >
        <Bell aria-hidden className="size-4" />
        {unread > 0 ? (
          <span
            aria-hidden
            className="absolute top-1 right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-danger px-1 text-[10px] leading-none font-semibold text-white tabular-nums"
            data-testid="notifications-unread"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-[min(22rem,calc(100vw-1rem))]" data-testid="notifications-menu">
        <div className="flex items-center justify-between gap-2 px-2 pt-1.5 pb-1">
          <p className="text-sm font-medium">Notifications</p>
          <span className="text-xs text-muted-foreground">{unread > 0 ? `${unread} unread` : "All read"}</span>
        </div>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <p className="px-2 py-4 text-center text-ui text-muted-foreground" data-testid="notifications-empty">
            {list.isError ? list.error.message : "Nothing yet. You are told here when something is assigned to you or your team."}
          </p>
        ) : (
          <div className="max-h-96 overflow-y-auto">
            {items.map((n) => (
              <DropdownMenuItem key={n.id} asChild className="h-auto items-start py-2">
                <Link
                  href={n.href}
                  onClick={() => {
                    if (!n.read) mark.run({ ids: [n.id] });
                  }}
                  data-testid="notification-item"
                  data-read={n.read}
                >
                  <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-primary")} />
                  <span className="min-w-0 flex-1">
                    <span className={cn("block break-words", !n.read && "font-medium")}>{n.title}</span>
                    <span className="block text-xs text-muted-foreground">
                      {n.detail ? `${n.detail} · ` : ""}
                      {formatRelative(n.createdAt, now)}
                      {n.read ? "" : <span className="sr-only"> (unread)</span>}
                    </span>
                  </span>
                </Link>
              </DropdownMenuItem>
            ))}
          </div>
        )}
        {unread > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem
              onSelect={(event) => {
                event.preventDefault();
                mark.run({ all: true });
              }}
              data-testid="notifications-mark-all"
            >
              <CheckCheck aria-hidden />
              {mark.pending ? "Marking…" : "Mark all read"}
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
