import { redactSpans, type FileCollector, type TClues } from "@/lib/discovery/collector";
import type { TSecretHit } from "@/lib/discovery/detectors/hits";
import { scanText } from "@/lib/discovery/detectors/scan-text";
import { urlHost } from "@/lib/discovery/detectors/url";
import { describe, member, type TJson } from "@/lib/discovery/jsonc";
import { REPORT_LIMITS } from "@/lib/discovery/limits";
import type { TFinding, TReference, TScanServer } from "@/lib/discovery/schemas";
import type { TLocation, TTransport } from "@/lib/discovery/vocabulary";

/**
 * One server entry → its record: name, transport, command and arguments (secrets cut out), URL
 * (credentials cut out), and every credential and reference in env, headers, args, URL and any
 * other field. A field of the wrong type is a note, and its content is still searched for secrets:
 * a token is exposed whatever shape surrounds it.
 */

export type TScanContext = { fc: FileCollector; position: (offset: number) => string };

const FINDINGS_CAP = REPORT_LIMITS.findingsPerServer;

/** `base.key`, or `base["key"]` when the key is not a plain identifier. */
export function keyPathOf(base: string, key: string): string {
  const short = key.length > 100 ? `${key.slice(0, 99)}…` : key;
  const step = /^[A-Za-z_$][\w$-]*$/.test(short) ? `.${short}` : `[${JSON.stringify(short)}]`;
  return base ? `${base}${step}` : step.replace(/^\./, "");
}

const TRANSPORT_NAMES: Record<string, TTransport> = {
  stdio: "stdio", http: "http", "streamable-http": "http", streamablehttp: "http", streamable_http: "http", sse: "sse",
};

export function scanServer(rawName: string, node: TJson & { type: "object" }, keyPath: string, project: string | undefined, ctx: TScanContext): TScanServer {
  const { fc, position } = ctx;
  const findings: TFinding[] = [];
  const references: TReference[] = [];
  const urlNode = member(node, "serverUrl") ?? member(node, "url");
  const clues: TClues = { server: rawName, host: urlNode?.type === "string" ? urlHost(urlNode.value) : undefined };
  const name = fc.identifier(rawName, keyPath, clues, findings, FINDINGS_CAP) || "(unnamed)";
  const server: TScanServer = { name, transport: "unknown", findings, references, ...(project !== undefined ? { project } : {}) };
  let declared: TTransport | null = null;

  const text = (value: string, path: string, location: TLocation, keyName?: string): TSecretHit[] => {
    const scan = scanText(value, { keyName });
    fc.record(scan.secrets, path, location, clues, findings, FINDINGS_CAP);
    fc.references(scan.references, path, references);
    return scan.secrets;
  };
  const loose = (value: TJson, path: string, location: TLocation, keyName?: string) =>
    scanLoose(value, path, location, keyName, ctx, clues, findings, references);
  const wrongType = (field: string, value: TJson, expected: string) =>
    fc.note(`server "${name}": ${field} is ${describe(value)}, expected ${expected} (${position(value.offset)}); searched for secrets only`);

  for (const { key, value } of node.entries) {
    const path = keyPathOf(keyPath, key);
    switch (key) {
      case "type":
      case "transport":
        if (value.type === "string") declared = TRANSPORT_NAMES[value.value.toLowerCase()] ?? "unknown";
        else loose(value, path, "other", key);
        break;
      case "command":
      case "headersHelper":
        if (value.type !== "string") {
          wrongType(key, value, "a string");
          loose(value, path, "other", key);
        } else {
          const hits = text(value.value, path, "other");
          if (key === "command") server.command = redactSpans(value.value, hits);
        }
        break;
      case "args":
        if (value.type !== "array") {
          wrongType("args", value, "a list of strings");
          loose(value, path, "args", key);
          break;
        }
        server.args = scanArgs(value.items, path, text, loose, (m) => fc.note(`server "${name}": ${m}`));
        break;
      case "env":
      case "headers":
        if (value.type !== "object") {
          wrongType(key, value, "an object");
          loose(value, path, key, key);
          break;
        }
        for (const entry of value.entries) {
          const entryName = fc.identifier(entry.key, path, clues, findings, FINDINGS_CAP);
          const entryPath = keyPathOf(path, entryName);
          if (entry.value.type === "string") text(entry.value.value, entryPath, key, entry.key);
          else loose(entry.value, entryPath, key, entry.key);
        }
        break;
      case "url":
      case "serverUrl":
        if (value.type !== "string") {
          wrongType(key, value, "a string");
          loose(value, path, "url", key);
        } else {
          const hits = text(value.value, path, "url");
          if (value === urlNode) server.url = redactSpans(value.value, hits);
        }
        break;
      case "envFile":
        if (value.type === "string") server.envFile = value.value;
        else loose(value, path, "other", key);
        break;
      case "disabled":
        if (value.type === "boolean") server.disabled = value.value as boolean;
        break;
      default:
        loose(value, path, "other", key);
    }
  }

  server.transport = declared ?? (server.command !== undefined ? "stdio" : server.url !== undefined ? (/\/sse\/?(?:[?#]|$)/i.test(server.url) ? "sse" : "http") : "unknown");
  pairAwsKeys(findings);
  return server;
}

type TTextFn = (value: string, path: string, location: TLocation, keyName?: string) => TSecretHit[];
type TLooseFn = (value: TJson, path: string, location: TLocation, keyName?: string) => void;

/** Arguments: each judged with the flag before it as its key (`--api-key`, `sk-…`), secrets cut out. */
function scanArgs(items: TJson[], path: string, text: TTextFn, loose: TLooseFn, note: (m: string) => void): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (item.type === "object" || item.type === "array") {
      note(`args[${i}] is ${describe(item)}, expected a string; searched for secrets only`);
      loose(item, itemPath, "args");
      previous = undefined;
      return;
    }
    const arg = item.type === "string" ? item.value : String(item.value);
    const flag = previous && /^--?[A-Za-z]/.test(previous) && !previous.includes("=") && !arg.startsWith("-") ? previous : undefined;
    const hits = text(arg, itemPath, "args", flag);
    if (out.length < REPORT_LIMITS.argsPerServer) out.push(redactSpans(arg, hits));
    else if (out.length === REPORT_LIMITS.argsPerServer && i === REPORT_LIMITS.argsPerServer) note(`more than ${REPORT_LIMITS.argsPerServer} arguments: the rest are searched but not listed`);
    previous = arg;
  });
  return out;
}

/** Any value in any shape: strings are scanned with the nearest key as their context. */
export function scanLoose(
  node: TJson, path: string, location: TLocation, keyName: string | undefined, ctx: TScanContext, clues: TClues,
  findings: TFinding[], references: TReference[] | null, cap = FINDINGS_CAP,
): void {
  if (node.type === "string") {
    const scan = scanText(node.value, { keyName });
    ctx.fc.record(scan.secrets, path, location, clues, findings, cap);
    if (references) ctx.fc.references(scan.references, path, references);
  } else if (node.type === "array") {
    node.items.forEach((item, i) => scanLoose(item, `${path}[${i}]`, location, keyName, ctx, clues, findings, references, cap));
  } else if (node.type === "object") {
    for (const entry of node.entries) {
      const name = ctx.fc.identifier(entry.key, path, clues, findings, cap);
      scanLoose(entry.value, keyPathOf(path, name), location, entry.key, ctx, clues, findings, references, cap);
    }
  }
}

/**
 * An AWS key is one credential in two parts. With exactly one access key id beside a secret key,
 * the secret's finding carries the id (ingestion matches a synced key by it) and the id's own
 * finding goes; an id alone stays a finding, matched by its external id.
 */
function pairAwsKeys(findings: TFinding[]): void {
  const ids = [...new Set(findings.filter((f) => f.detector === "aws_access_key_id").map((f) => f.externalId!))];
  const secrets = findings.filter((f) => f.detector === "aws_secret_access_key");
  if (ids.length !== 1 || secrets.length === 0) return;
  for (const secret of secrets) secret.externalId = ids[0];
  for (let i = findings.length - 1; i >= 0; i--) if (findings[i]!.detector === "aws_access_key_id") findings.splice(i, 1);
}
