import { Badge } from "@/components/ui/badge";
import { PRIVILEGE_DESCRIPTIONS, PRIVILEGE_LABELS, type TPrivilege } from "@/lib/scopes/privileges";

/** Danger for what can change who may do what or everything at once; unknown is outlined: review it. */
const TONE = { read: "neutral", write: "warning", admin: "danger", wildcard: "danger", unknown: "outline" } as const satisfies Record<TPrivilege, string>;

/** One privilege class (lib/scopes) as a badge; its meaning on hover and for screen readers. */
export function PrivilegeBadge({ privilege, title }: { privilege: TPrivilege; title?: string }) {
  return (
    <Badge tone={TONE[privilege]} title={title ?? PRIVILEGE_DESCRIPTIONS[privilege]} data-testid={`privilege-${privilege}`}>
      {privilege === "wildcard" ? <span aria-hidden>✱</span> : null}
      {PRIVILEGE_LABELS[privilege]}
    </Badge>
  );
}
