import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * GitHub's own OpenAPI description (@octokit/openapi's api.github.com.json, 13 MB), pruned at test
 * start to the operations the fake serves plus every component they reference. Parsing the whole
 * file is most of the cost (~0.4 s here); the pruned document is a few hundred kB, so the
 * validator compiles in milliseconds.
 */

/** What the fake implements: everything the connector calls, and a little more GitHub has nearby. */
export const SERVED_OPERATIONS = [
  "apps/get-authenticated",
  "apps/get-org-installation",
  "apps/get-installation",
  "apps/create-installation-access-token",
  "apps/list-repos-accessible-to-installation",
  "apps/revoke-installation-access-token",
  "credentials/revoke",
  "orgs/list-pat-grants",
  "orgs/update-pat-accesses",
  "orgs/update-pat-access",
  "orgs/list-pat-grant-requests",
  "orgs/review-pat-grant-request",
] as const;
export type TServedOperation = (typeof SERVED_OPERATIONS)[number];

type TJson = null | boolean | number | string | TJson[] | { [key: string]: TJson };
type TObject = { [key: string]: TJson };

export type TGithubSpec = {
  document: TObject;
  /** Every path template of the full description: tells "GitHub has no such path" from "the fake does not serve it". */
  allPaths: string[];
  version: string;
  loadMs: number;
};

const isObject = (v: TJson | undefined): v is TObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Collects "#/components/<kind>/<name>" references reachable from a node, following them transitively. */
function collectRefs(root: TJson, components: TObject): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const stack: TJson[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/")) {
        const [kind, name] = value.slice("#/components/".length).split("/") as [string, string];
        const names = used.get(kind) ?? new Set<string>();
        used.set(kind, names);
        if (!names.has(name)) {
          names.add(name);
          const target = isObject(components[kind]) ? (components[kind] as TObject)[name] : undefined;
          if (target === undefined) throw new Error(`GitHub spec: dangling reference ${value}`);
          stack.push(target);
        }
      } else if (key !== "examples" && key !== "example") stack.push(value);
    }
  }
  return used;
}

/**
 * Ajv refuses `nullable` without `type` (GitHub writes `{nullable: true, anyOf: […]}` and
 * `{nullable: true, allOf: […]}`); the OpenAPI 3.0 meaning is "this, or null", which is what this
 * rewrite says. Examples are dropped: they are documentation, and some are not valid JSON Schema.
 */
function normalise(node: TJson): TJson {
  if (Array.isArray(node)) return node.map(normalise);
  if (!isObject(node)) return node;
  const out: TObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples") continue;
    out[key] = normalise(value);
  }
  if (out.nullable === true && out.type === undefined && out.$ref === undefined) {
    const { nullable: _nullable, description, ...rest } = out;
    return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: "null" }] };
  }
  if (out.nullable === true && typeof out.$ref === "string") {
    // A sibling of $ref is ignored by OpenAPI 3.0 tooling; keep the intent explicitly.
    return { anyOf: [{ $ref: out.$ref }, { type: "null" }] };
  }
  return out;
}

let cached: TGithubSpec | undefined;

export function loadGithubSpec(): TGithubSpec {
  if (cached) return cached;
  const started = performance.now();
  const file = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
  const full = JSON.parse(readFileSync(file, "utf8")) as TObject;
  const fullPaths = full.paths as TObject;
  const components = full.components as TObject;
  const wanted = new Set<string>(SERVED_OPERATIONS);
  const paths: TObject = {};
  for (const [path, item] of Object.entries(fullPaths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (isObject(operation) && typeof operation.operationId === "string" && wanted.has(operation.operationId)) {
        paths[path] = { ...(isObject(paths[path]) ? (paths[path] as TObject) : {}), [method]: operation };
        wanted.delete(operation.operationId);
      }
    }
  }
  if (wanted.size > 0) throw new Error(`GitHub spec ${String((full.info as TObject).version)} lacks ${[...wanted].join(", ")}`);
  const used = collectRefs(paths, components);
  const prunedComponents: TObject = {};
  for (const [kind, names] of used) {
    prunedComponents[kind] = Object.fromEntries([...names].map((name) => [name, (components[kind] as TObject)[name]!]));
  }
  const document = normalise({ openapi: full.openapi!, info: full.info!, servers: [{ url: "/" }], paths, components: prunedComponents }) as TObject;
  cached = { document, allPaths: Object.keys(fullPaths), version: String((full.info as TObject).version), loadMs: Math.round(performance.now() - started) };
  return cached;
}
