import type { TRole } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { SettingsTabs, type TSettingsTab } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";

/** The Settings title and tabs, the same on every settings page; tabs a role cannot use are hidden. */
export function SettingsHeader({ role }: { role: TRole }) {
  const tabs: TSettingsTab[] = [
    { href: "/settings", label: "Account" },
    ...(can(role, "users.read") ? [{ href: "/settings/users", label: "Users" }] : []),
    { href: "/settings/teams", label: "Teams" },
    { href: "/settings/policy", label: "Risk policy" },
    ...(can(role, "api_keys.manage") ? [{ href: "/settings/api-keys", label: "API keys" }] : []),
    ...(can(role, "connectors.manage") ? [{ href: "/settings/delivery", label: "Delivery targets" }] : []),
    ...(can(role, "rotation_policy.read") ? [{ href: "/settings/rotation", label: "Rotation policy" }] : []),
    ...(can(role, "alerts.deliver") ? [{ href: "/settings/alerts", label: "Alert delivery" }] : []),
  ];
  return (
    <PageHeader title="Settings" description="Your account, the people who use Tokenward, the teams that own credentials, and the risk policy.">
      <SettingsTabs tabs={tabs} />
    </PageHeader>
  );
}
