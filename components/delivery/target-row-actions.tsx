"use client";

import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { deleteDeliveryTargetAction, setDeliveryTargetEnabledAction } from "@/lib/delivery/actions";

export function TargetRowActions({ id, enabled, used }: { id: string; enabled: boolean; used: boolean }) {
  const toggle = useServerAction(setDeliveryTargetEnabledAction);
  const remove = useServerAction(deleteDeliveryTargetAction);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-1">
        <Button size="sm" variant="ghost" disabled={toggle.pending} onClick={() => toggle.run({ id, enabled: !enabled })}>
          {enabled ? "Disable" : "Enable"}
        </Button>
        {used ? null : (
          <Button size="sm" variant="danger-ghost" disabled={remove.pending} onClick={() => remove.run({ id })}>
            Delete
          </Button>
        )}
      </div>
      <InlineError message={toggle.error?.message ?? remove.error?.message} />
    </div>
  );
}
