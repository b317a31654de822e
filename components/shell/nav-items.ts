import { Bot, Cable, ClipboardCheck, FileDown, KeyRound, LayoutDashboard, Library, Route, ScrollText, ServerCog, Settings, ShieldAlert, Siren, UserRoundCheck, Workflow, type LucideIcon } from "lucide-react";

export type TNavItem = { href: string; label: string; icon: LucideIcon };
export type TNavSection = { label?: string; items: TNavItem[] };

/** The product's information architecture: what exists, how to fix it, how to prove it. */
export const NAV_SECTIONS: TNavSection[] = [
  {
    items: [
      { href: "/", label: "Overview", icon: LayoutDashboard },
      { href: "/inventory", label: "Inventory", icon: KeyRound },
      { href: "/my-credentials", label: "My credentials", icon: UserRoundCheck },
      { href: "/identities", label: "Identities", icon: Bot },
      { href: "/mcp-servers", label: "MCP servers", icon: ServerCog },
      { href: "/providers", label: "Providers", icon: Cable },
      { href: "/usage", label: "Usage", icon: Route },
    ],
  },
  {
    label: "Remediate",
    items: [
      { href: "/alerts", label: "Alerts", icon: Siren },
      { href: "/exposures", label: "Exposures", icon: ShieldAlert },
      { href: "/workflows", label: "Workflows", icon: Workflow },
      { href: "/reviews", label: "Reviews", icon: ClipboardCheck },
    ],
  },
  {
    label: "Prove",
    items: [
      { href: "/frameworks", label: "Frameworks", icon: Library },
      { href: "/audit", label: "Audit", icon: ScrollText },
      { href: "/reports", label: "Reports", icon: FileDown },
    ],
  },
];

export const SETTINGS_NAV_ITEM: TNavItem = { href: "/settings", label: "Settings", icon: Settings };

/** "/" matches only itself; every other item also owns its sub-pages (/settings/users …). */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
