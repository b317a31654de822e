import { DetailList, type TDetailRow } from "@/components/detail/entity-header";
import type { TFormField } from "@/lib/connectors/form-fields";
import type { TProviderView } from "@/lib/providers/schemas";

const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;

function shown(value: unknown): React.ReactNode {
  if (value === undefined || value === null || value === "") return muted("Not set");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" || typeof value === "number") return <code className="text-xs">{String(value)}</code>;
  return <code className="text-xs">{JSON.stringify(value)}</code>;
}

/** A provider's non-secret settings, labelled as its connector's form labels them. */
export function ProviderSettings({ provider, fields }: { provider: TProviderView; fields: TFormField[] | null }) {
  const labelled: TDetailRow[] = fields
    ? fields.map((f) => [f.label, shown(provider.config[f.name])])
    : Object.entries(provider.config).map(([key, value]) => [key, shown(value)]);
  return (
    <div data-testid="provider-settings">
      <DetailList
        rows={[
          ...labelled,
          { label: "Secret", value: provider.secretSet ? "Set (encrypted)" : muted("Not set"), testId: "provider-secret-state" },
          ["Schedule", provider.syncSchedule ? <code key="s" className="text-xs">{provider.syncSchedule} UTC</code> : muted("On demand")],
          ["Enabled", provider.enabled ? "Yes" : muted("No: never called")],
        ]}
      />
    </div>
  );
}
