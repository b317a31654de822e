import { Database } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown while the inventory is empty: the two ways credentials get into Tokenward. */
export function GettingStarted({ canConnect }: { canConnect: boolean }) {
  return (
    <EmptyState
      icon={Database}
      title="No credentials in the inventory yet"
      description="Tokenward starts from what your providers already issued. Load demo data to explore, or connect a real provider."
    >
      <ol className="space-y-3 text-left text-sm">
        <li className="rounded-lg border border-border bg-surface-sunken p-3.5">
          <p className="font-medium text-foreground">Explore with demo data</p>
          <p className="mt-0.5 text-ui text-muted-foreground">On the server, seed a realistic sample inventory:</p>
          <pre className="mt-2 overflow-x-auto rounded-md border border-border bg-surface px-3 py-2 font-mono text-ui text-foreground">
            <code>npm run db:seed</code>
          </pre>
        </li>
        <li className="rounded-lg border border-border bg-surface-sunken p-3.5">
          <p className="font-medium text-foreground">Connect a provider</p>
          <p className="mt-0.5 text-ui text-muted-foreground">
            {canConnect
              ? "As an admin you connect GitHub organisations, OAuth servers, AWS accounts and MCP config scans under Settings once connectors ship. Each sync fills this inventory."
              : "An admin connects GitHub organisations, OAuth servers, AWS accounts and MCP config scans. Each sync fills this inventory."}
          </p>
        </li>
      </ol>
    </EmptyState>
  );
}
