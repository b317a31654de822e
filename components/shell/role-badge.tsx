import { ROLE_LABELS, type TRole } from "@/lib/auth/permissions";
import { Badge } from "@/components/ui/badge";

const ROLE_TONE: Record<TRole, "primary" | "warning" | "success" | "neutral"> = {
  admin: "warning",
  security: "primary",
  owner: "success",
  auditor: "neutral",
};

/** Role names always come from ROLE_LABELS; the tone only helps tell them apart at a glance. */
export function RoleBadge({ role, className }: { role: TRole; className?: string }) {
  return (
    <Badge tone={ROLE_TONE[role]} className={className} title={ROLE_LABELS[role].description}>
      {ROLE_LABELS[role].label}
    </Badge>
  );
}
