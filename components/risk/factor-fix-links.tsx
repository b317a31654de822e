import { CalendarClock, RefreshCw } from "lucide-react";
import Link from "next/link";

/**
 * The action that fixes a factor, where the app has one: an overdue rotation or a credential that
 * never expires is fixed by rotating it now (the credential's request-rotation dialog) and for good
 * by a rotation policy (Settings → Rotation policy). Factors without an in-app fix show nothing.
 */
const FIXABLE = new Set(["rotation-overdue", "long-lived"]);

export function FactorFixLinks({ factorId, credentialId }: { factorId: string; credentialId: string }) {
  if (!FIXABLE.has(factorId)) return null;
  const link = "inline-flex items-center gap-1 text-ui font-medium text-primary underline-offset-4 hover:underline [&_svg]:size-3.5";
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1" data-testid={`risk-factor-fix-${factorId}`}>
      <Link href={`/inventory/${credentialId}?action=rotate#workflows`} className={link}>
        <RefreshCw aria-hidden />
        Request rotation
      </Link>
      <Link href="/settings/rotation" className={link}>
        <CalendarClock aria-hidden />
        {factorId === "long-lived" ? "Set a maximum lifetime" : "Schedule rotation by policy"}
      </Link>
    </p>
  );
}
