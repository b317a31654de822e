import { operationOf } from "@/lib/server/action";
import type { TOperation } from "@/lib/server/execute";
import { routeDefinitionOf, routeName, type TRouteDefinition } from "@/lib/server/route";
import { findFiles, REPO_ROOT } from "@/lib/testing/find-files";

/**
 * Every server action (lib/**\/actions.ts) and route handler (app/**\/route.ts), found on disk, for
 * the RBAC matrices: an entry point that is not made by defineAction / defineRoute fails loudly.
 */

/** Entry points that run before a session exists. Reviewed by hand; keep this list short. */
export const PUBLIC_ACTIONS = new Set(["lib/auth/actions.ts#signInWithCredentials", "lib/auth/actions.ts#signInWithSso", "lib/auth/actions.ts#signOutAction"]);
export const PUBLIC_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/health/route.ts", "app/api/v1/openapi.json/route.ts", "app/api/[...path]/route.ts"]);
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export async function discoverOperations(): Promise<Map<string, TOperation<never, unknown>>> {
  const operations = new Map<string, TOperation<never, unknown>>();
  for (const file of findFiles("lib", /^actions\.ts$/)) {
    const mod = (await import(`${REPO_ROOT}/${file}`)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (PUBLIC_ACTIONS.has(`${file}#${exportName}`)) continue;
      const op = operationOf(value);
      if (!op) throw new Error(`${file}#${exportName} is a server action not made by defineAction (or add it to PUBLIC_ACTIONS)`);
      operations.set(op.name, op as TOperation<never, unknown>);
    }
  }
  return operations;
}

export async function discoverRoutes(): Promise<Map<string, TRouteDefinition>> {
  const routes = new Map<string, TRouteDefinition>();
  for (const file of findFiles("app", /^route\.ts$/)) {
    if (PUBLIC_ROUTES.has(file)) continue;
    const mod = (await import(`${REPO_ROOT}/${file}`)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (!(method in mod)) continue;
      const def = routeDefinitionOf(mod[method]);
      if (!def) throw new Error(`${file} ${method} is not made by defineRoute (or add it to PUBLIC_ROUTES)`);
      routes.set(routeName(def), def);
    }
  }
  return routes;
}
