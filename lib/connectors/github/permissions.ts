import { ProviderError } from "../provider-error";

/**
 * GitHub permissions ↔ Tokenward scope strings. GitHub Apps and fine-grained PATs name a
 * permission and a level (`contents: "write"`); the scope catalogue (lib/scopes/providers/github.ts)
 * reads them as `<permission>:<level>` — `contents:write`, `administration:write` (admin),
 * `metadata:read`. A fine-grained PAT groups them (organization / repository / other); the names
 * do not collide across groups, so the scope drops the group (kept in the credential's metadata).
 * An installation token limited to repositories also carries `repository:<name>` per repository.
 */

const LEVELS = new Set(["read", "write", "admin"]);
// GitHub permission names: lower case and underscores (app-permissions in the OpenAPI description).
const PERMISSION = /^[a-z][a-z0-9_]{0,79}$/;
export const REPOSITORY_PREFIX = "repository:";

export type TGroupedPermissions = Partial<Record<"organization" | "repository" | "other", Record<string, string>>>;

/** `{contents: "write"}` → `["contents:write"]`, sorted so a re-sync compares equal. */
export function scopesOfPermissions(permissions: Record<string, string> | undefined): string[] {
  return Object.entries(permissions ?? {})
    .filter(([name, level]) => PERMISSION.test(name) && level !== "none")
    .map(([name, level]) => `${name}:${level}`)
    .sort();
}

export function scopesOfGrouped(permissions: TGroupedPermissions): string[] {
  return [...new Set([...scopesOfPermissions(permissions.organization), ...scopesOfPermissions(permissions.repository), ...scopesOfPermissions(permissions.other)])].sort();
}

/**
 * What an issue request asks GitHub for: `<permission>:<read|write|admin>` entries become the
 * token's `permissions`, `repository:<name>` entries its `repositories`. Anything else is refused
 * before GitHub is called, naming the entry.
 */
export function tokenRequestOf(scopes: string[]): { permissions?: Record<string, string>; repositories?: string[] } {
  const permissions: Record<string, string> = {};
  const repositories: string[] = [];
  const wrong: string[] = [];
  for (const scope of scopes.map((s) => s.trim()).filter(Boolean)) {
    if (scope.startsWith(REPOSITORY_PREFIX)) {
      const name = scope.slice(REPOSITORY_PREFIX.length);
      if (/^[A-Za-z0-9._-]{1,100}$/.test(name)) repositories.push(name);
      else wrong.push(scope);
      continue;
    }
    const [name, level, ...rest] = scope.split(":");
    if (rest.length > 0 || !name || !level || !PERMISSION.test(name) || !LEVELS.has(level)) wrong.push(scope);
    else if (permissions[name] && permissions[name] !== level) wrong.push(`${scope} (also asked as ${name}:${permissions[name]})`);
    else permissions[name] = level;
  }
  if (wrong.length > 0) {
    throw new ProviderError("config", `GitHub installation tokens take "<permission>:<read|write|admin>" or "repository:<name>"; not: ${wrong.slice(0, 5).join(", ")}.`, { retryable: false });
  }
  return { ...(Object.keys(permissions).length > 0 ? { permissions } : {}), ...(repositories.length > 0 ? { repositories: [...new Set(repositories)] } : {}) };
}
