import { Check, Minus } from "lucide-react";
import { KIND_LABELS } from "@/lib/inventory/vocabulary";
import type { TCapabilityRow } from "@/lib/providers/queries";

/**
 * What this provider's connector can do, read from its declaration in the registry: the workflows
 * and the credential pages offer exactly these, and say why the rest is not possible.
 */
export function CapabilitiesList({ capabilities }: { capabilities: TCapabilityRow[] }) {
  return (
    <ul className="divide-y divide-border" data-testid="provider-capabilities">
      {capabilities.map((c) => (
        <li key={c.name} className="flex gap-3 py-2 text-ui" data-testid={`capability-${c.name}`} data-supported={c.supported}>
          {c.supported ? <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-success" /> : <Minus aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />}
          <div className="min-w-0">
            <p className="font-medium">
              {c.label}
              <span className="sr-only">{c.supported ? ": supported" : ": not supported"}</span>
            </p>
            {c.onlyFor ? <p className="text-xs">Only for {c.onlyFor.map((k) => KIND_LABELS[k as keyof typeof KIND_LABELS]?.toLowerCase() ?? k).join(", ")}.</p> : null}
            {c.reason ? <p className="text-xs text-muted-foreground">{c.reason}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
