import fc from "fast-check";
import { looksRandom } from "@/lib/discovery/detectors/entropy";
import { KNOWN_FORMATS, opaqueSecret, prng, TOKEN_FACTORIES } from "@/lib/discovery/testing/token-samples";

/**
 * Generators for the property test: config files as an attacker or a broken tool would write
 * them, with secrets planted where a scanner must find them. Files are built as a small JSON
 * syntax tree (duplicate keys, `__proto__`, any key text) and printed as JSON or JSONC.
 */

export type TNode = { o: [string, TNode][] } | { a: TNode[] } | string | number | boolean | null;

const FILE_NAMES = [".mcp.json", ".claude.json", "claude_desktop_config.json", ".cursor/mcp.json", ".vscode/mcp.json", ".codeium/windsurf/mcp_config.json"] as const;
export type TFileName = (typeof FILE_NAMES)[number];

/** A secret and whether the scanner can recognise it anywhere (known format) or only by its context. */
export type TSecret = { value: string; known: boolean };

export const knownToken = fc.tuple(fc.constantFrom(...KNOWN_FORMATS), fc.integer()).map(([format, seed]): TSecret => ({ value: TOKEN_FACTORIES[format](prng(seed)), known: true }));
// Context-only secrets the scanner is meant to recognise: random enough under a secret-like name.
export const opaqueToken = fc.tuple(fc.integer(), fc.integer({ min: 20, max: 64 })).map(([seed, n]): TSecret => ({ value: opaqueSecret(prng(seed), n), known: false })).filter((s) => looksRandom(s.value));

const noise = fc.string({ unit: "binary", maxLength: 24 });
const key = fc.oneof(
  fc.constantFrom("GITHUB_TOKEN", "API_KEY", "LOG_LEVEL", "url", "command", "args", "env", "__proto__", "constructor", "toString", "", "a.b", "x y", "${X}", "\u202E"),
  noise,
);

/** Any JSON, any shape, with keys that are hostile as keys. */
export const junk: fc.Arbitrary<TNode> = fc.letrec<{ node: TNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    noise,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 4 }).map((a) => ({ a })),
    fc.array(fc.tuple(key, tie("node")), { maxLength: 4 }).map((o) => ({ o })),
  ),
})).node;

/** Where a planted secret goes (a value picks one of each place's spellings). */
const KNOWN_PLACES = ["env", "env-text", "header", "arg", "url", "name", "env-key", "command", "deep", "top-level", "input", "project", "default"] as const;
const OPAQUE_PLACES = ["env", "header", "arg", "url", "input", "default"] as const;
export type TPlant = { secret: TSecret; place: string; server: number; variant: number; depth: number };

export const plant = (secret: fc.Arbitrary<TSecret>) =>
  fc.tuple(secret, fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 })).map(([s, p, server, variant, depth]): TPlant => {
    const places = s.known ? KNOWN_PLACES : OPAQUE_PLACES;
    return { secret: s, place: places[p % places.length]!, server, variant, depth };
  });

export type TConfigPlan = {
  file: TFileName;
  servers: { name: string; junk: [string, TNode][] }[];
  plants: TPlant[];
  topJunk: [string, TNode][];
  style: "json" | "pretty" | "jsonc";
  shape: "normal" | "wrong-section" | "nested-root" | "deep-field";
  nesting: number;
};

export const configPlan = (secrets: fc.Arbitrary<TSecret>) =>
  fc.record({
    file: fc.constantFrom(...FILE_NAMES),
    servers: fc.array(fc.record({ name: key, junk: fc.array(fc.tuple(key, junk), { maxLength: 3 }) }), { minLength: 1, maxLength: 4 }),
    plants: fc.array(plant(secrets), { minLength: 1, maxLength: 6 }),
    topJunk: fc.array(fc.tuple(key, junk), { maxLength: 3 }),
    style: fc.constantFrom("json", "pretty", "jsonc"),
    shape: fc.constantFrom("normal", "normal", "normal", "normal", "wrong-section", "nested-root", "deep-field"),
    nesting: fc.integer({ min: 1, max: 200 }),
  }) as fc.Arbitrary<TConfigPlan>;

const obj = (...entries: [string, TNode][]): TNode => ({ o: entries });

/** The file's syntax tree: the servers, each planted secret in its place, the chosen shape. */
export function buildConfig(plan: TConfigPlan): TNode {
  const servers = plan.servers.map((s) => ({ name: s.name, entries: [...s.junk] as [string, TNode][] }));
  const top: [string, TNode][] = [...plan.topJunk];
  const inputs: TNode[] = [];
  const projects: [string, TNode][] = [];
  plan.plants.forEach((p, i) => {
    const v = p.secret.value;
    const server = servers[p.server % servers.length]!;
    const add = (k: string, value: TNode) => server.entries.push([k, value]);
    const secretKey = ["GITHUB_TOKEN", "API_KEY", "DB_PASSWORD", "apiKey", "client_secret", "SLACK_BOT_TOKEN"][p.variant % 6]!;
    switch (p.place) {
      case "env":
        add("env", obj([p.secret.known ? `K${i}` : secretKey, v]));
        break;
      case "env-text":
        add("env", obj([`K${i}`, `prefix ${v} suffix`]));
        break;
      case "header":
        add("headers", obj(p.variant % 2 ? ["Authorization", `Bearer ${v}`] : ["X-API-Key", v]));
        break;
      case "arg": {
        const spellings: TNode[][] = [["--api-key", v], [`--token=${v}`], [`API_KEY=${v}`], ["--header", `Authorization: Bearer ${v}`]];
        add("args", { a: ["-y", "pkg", ...spellings[p.variant % spellings.length]!] });
        break;
      }
      case "url": {
        const urls = [`https://mcp.example.com/p?token=${v}&x=1`, `https://user:${v}@mcp.example.com/`, `https://mcp.example.com/sse?api_key=${encodeURIComponent(v)}`];
        add(p.variant % 2 ? "url" : "serverUrl", urls[p.variant % urls.length]!);
        break;
      }
      case "name":
        server.name = p.variant % 2 ? v : `srv ${v}`;
        break;
      case "env-key":
        add("env", obj([v, "1"]));
        break;
      case "command":
        add("command", `npx server --flag ${v}`);
        break;
      case "deep": {
        let node: TNode = v;
        for (let d = 0; d < p.depth; d++) node = d % 2 ? { a: [node] } : obj([`k${d}`, node]);
        add(`extra${i}`, node);
        break;
      }
      case "top-level":
        top.push([`top${i}`, v]);
        break;
      case "input":
        // VS Code prompts; a literal default of a password input is the secret.
        inputs.push(obj(["type", "promptString"], ["id", `in${i}`], ["description", p.secret.known ? `paste ${v}` : "Token"], ["password", true], ["default", v]));
        add("env", obj([`IN${i}`, `\${input:in${i}}`]));
        break;
      case "project":
        projects.push([`/Users/me/${v}`, obj(["mcpServers", obj(["p", obj(["command", "x"])])])]);
        break;
      case "default":
        add("env", obj([secretKey, `\${${secretKey}:-${v}}`]));
        break;
    }
  });
  const section = plan.file === ".vscode/mcp.json" ? "servers" : "mcpServers";
  const serverNodes: [string, TNode][] = servers.map((s) => [s.name, { o: s.entries }]);
  const root: [string, TNode][] = [...top, [section, plan.shape === "wrong-section" ? "github" : { o: serverNodes }]];
  if (inputs.length) root.push(["inputs", { a: inputs }]);
  if (projects.length) root.push(["projects", { o: projects }]);
  if (plan.shape === "deep-field") {
    let deep: TNode = "bottom";
    for (let d = 0; d < plan.nesting; d++) deep = { a: [deep] };
    root.push(["deep", deep]);
  }
  let out: TNode = { o: root };
  if (plan.shape === "nested-root") for (let d = 0; d < plan.nesting; d++) out = { a: [out] };
  return out;
}

/** JSON, pretty JSON, or JSONC (comments everywhere, trailing commas), iteratively: depth is data here. */
export function print(node: TNode, style: TConfigPlan["style"]): string {
  const jsonc = style === "jsonc";
  const nl = style === "json" ? "" : "\n";
  const parts: string[] = [];
  const stack: (TNode | { close: string })[] = [node];
  while (stack.length) {
    const item = stack.pop()!;
    if (item !== null && typeof item === "object" && "close" in item) {
      parts.push(item.close);
      continue;
    }
    if (item === null || typeof item !== "object") {
      parts.push(typeof item === "number" && !Number.isFinite(item) ? "0" : JSON.stringify(item));
      continue;
    }
    const isObject = "o" in item;
    const children: TNode[] = isObject ? item.o.map(([, v]) => v) : item.a;
    parts.push(isObject ? "{" : "[");
    stack.push({ close: `${jsonc && children.length ? "," : ""}${nl}${isObject ? "}" : "]"}` });
    for (let i = children.length - 1; i >= 0; i--) {
      const sep = i > 0 ? "," : "";
      const lead = `${sep}${nl}${jsonc ? "/* c */ " : ""}${isObject ? `${JSON.stringify(item.o[i]![0])}: ` : ""}`;
      stack.push(children[i]!);
      stack.push({ close: lead });
    }
  }
  return (jsonc ? "// generated\n" : "") + parts.join("");
}

/** Ways a file goes bad on disk or in transit. */
export const damage = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string({ unit: "binary", maxLength: 8 }) }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }) }),
  fc.record({ kind: fc.constant("utf16" as const) }),
  fc.record({ kind: fc.constant("bom" as const) }),
);
export type TDamage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

export function applyDamage(text: string, d: TDamage): string | Uint8Array {
  const pos = (f: number) => Math.floor(f * text.length);
  switch (d.kind) {
    case "truncate":
      return text.slice(0, pos(d.at));
    case "insert":
      return text.slice(0, pos(d.at)) + d.text + text.slice(pos(d.at));
    case "flip": {
      const bytes = new Uint8Array(Buffer.from(text, "utf8"));
      for (const f of d.at) {
        const i = Math.min(bytes.length - 1, Math.floor(f * bytes.length));
        if (i >= 0) bytes[i] = bytes[i]! ^ 0x5a;
      }
      return bytes;
    }
    case "utf16":
      return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    case "bom":
      return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, "utf8")]);
  }
}
