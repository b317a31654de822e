"use client";

import { ChevronDown, LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import type { TRole } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { signOutAction } from "@/lib/auth/actions";
import { RoleBadge } from "@/components/shell/role-badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

function initials(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length >= 2 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0] ?? email).slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ name, email, role }: { name: string; email: string; role: TRole }) {
  // The form lives outside the menu: the menu unmounts on select, and a submit from an unmounting
  // element is not reliable.
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <>
      <form ref={signOutForm} action={signOutAction} hidden />
      <DropdownMenu>
        <DropdownMenuTrigger
          className="flex h-9 items-center gap-2 rounded-md pr-1.5 pl-1 text-left transition-colors hover:bg-accent data-[state=open]:bg-accent"
          aria-label={`Account: ${name}, ${ROLE_LABELS[role].label}`}
          data-testid="user-menu"
        >
          <span
            aria-hidden
            className="flex size-7 items-center justify-center rounded-full bg-primary-subtle text-[11px] font-semibold text-primary-subtle-foreground"
          >
            {initials(name, email)}
          </span>
          <span className="hidden max-w-40 min-w-0 flex-col sm:flex">
            <span className="truncate text-ui leading-4 font-medium">{name}</span>
            <span className="truncate text-[11px] leading-4 text-muted-foreground">{ROLE_LABELS[role].label}</span>
          </span>
          <ChevronDown aria-hidden className="size-3.5 text-muted-foreground" />
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-72">
          <div className="px-2 pt-2 pb-2.5">
            <div className="flex items-center justify-between gap-2">
              <p className="truncate text-sm font-medium">{name}</p>
              <RoleBadge role={role} />
            </div>
            <p className="truncate text-ui text-muted-foreground">{email}</p>
            <p className="mt-2 text-xs text-muted-foreground">{ROLE_LABELS[role].description}</p>
          </div>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/settings">
              <Settings aria-hidden />
              Settings
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()} data-testid="sign-out">
            <LogOut aria-hidden />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
