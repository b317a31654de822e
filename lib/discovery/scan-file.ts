import { FileCollector, redactKnownTokens } from "@/lib/discovery/collector";
import { scanText } from "@/lib/discovery/detectors/scan-text";
import { formatForPath, serversKey } from "@/lib/discovery/formats";
import { describe, member, parseJsonc, type TJson } from "@/lib/discovery/jsonc";
import { REPORT_LIMITS, SCAN_LIMITS } from "@/lib/discovery/limits";
import { keyPathOf, scanLoose, scanServer, type TScanContext } from "@/lib/discovery/scan-server";
import type { TFinding, TScanFile, TScanInput, TScanServer } from "@/lib/discovery/schemas";
import type { TConfigFormat } from "@/lib/discovery/vocabulary";

/**
 * One config file → its report entry. Never throws on content: unreadable, malformed, hostile or
 * oddly shaped input becomes `status: "error"` (nothing readable) or notes (what was skipped).
 * `path` is shown as given (relative to the scan root) and picks the format unless one is given.
 */

export type TScanFileOptions = { format?: TConfigFormat; maxBytes?: number; maxDepth?: number };

const T = REPORT_LIMITS.text;

export function maxBytesFor(format: TConfigFormat): number {
  return format === "claude_code_user" ? SCAN_LIMITS.maxUserConfigBytes : SCAN_LIMITS.maxFileBytes;
}

export function scanFile(path: string, content: string | Uint8Array, options: TScanFileOptions = {}): TScanFile {
  // Paths that name no known client are read with the common `mcpServers` layout.
  const format = options.format ?? formatForPath(path) ?? "claude_code";
  const fc = new FileCollector();
  const shownPath = displayPath(path, fc);
  const failed = (error: string): TScanFile => errorFile(path, format, error);
  try {
    const maxBytes = options.maxBytes ?? maxBytesFor(format);
    const size = typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.byteLength;
    if (size > maxBytes) return failed(`file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; not read`);
    if (typeof content !== "string" && !isUtf16(content) && content.includes(0)) return failed("binary content (NUL bytes); not read");
    const text = typeof content === "string" ? content.replace(/^\uFEFF/, "") : decodeText(content);
    if (text === null) return failed("binary or not UTF-8/UTF-16 text; not read");
    if (text.includes("\u0000")) return failed("binary content (NUL bytes); not read");
    const parsed = parseJsonc(text, options.maxDepth ?? SCAN_LIMITS.maxJsonDepth);
    if (!parsed.ok) return failed(parsed.error);
    if (parsed.root.type !== "object") return failed(`top level is ${describe(parsed.root)}, expected an object`);
    return scanConfig(shownPath, format, parsed.root, { fc, position: parsed.position });
  } catch (error) {
    // A scanner bug must not stop the walk, nor echo content: the error's kind only.
    return failed(`internal scanner error (${error instanceof Error ? error.name : "unknown"}); please report it`);
  }
}

function scanConfig(path: string, format: TConfigFormat, root: TJson & { type: "object" }, ctx: TScanContext): TScanFile {
  const { fc, position } = ctx;
  const servers: TScanServer[] = [];
  const fileFindings: TFinding[] = [];
  // By node, not by key: of two "mcpServers" keys the client reads the last, and the first is
  // still searched as the rest of the file.
  const handled = new Set<TJson>();
  const loose = (node: TJson, keyPath: string, location: "other" | "input", keyName: string) =>
    scanLoose(node, keyPath, location, keyName, ctx, {}, fileFindings, null, REPORT_LIMITS.findingsPerFile);

  const section = (node: TJson | undefined, keyPath: string, project: string | undefined): string | null => {
    if (node === undefined) return null;
    handled.add(node);
    if (node.type !== "object") return `${keyPath} is ${describe(node)}, expected an object (${position(node.offset)})`;
    for (const entry of node.entries) {
      const serverPath = keyPathOf(keyPath, redactKnownTokens(entry.key));
      if (entry.value.type !== "object") {
        fc.note(`server ${JSON.stringify(entry.key.slice(0, 80))} skipped: it is ${describe(entry.value)}, expected an object (${position(entry.value.offset)})`);
        loose(entry.value, serverPath, "other", entry.key);
      } else if (servers.length >= REPORT_LIMITS.serversPerFile) {
        fc.note(`more than ${REPORT_LIMITS.serversPerFile} servers: the rest are searched for secrets but not listed`);
        loose(entry.value, serverPath, "other", entry.key);
      } else servers.push(scanServer(entry.key, entry.value, serverPath, project, ctx));
    }
    return null;
  };

  const primary = serversKey(format);
  const topError = section(member(root, primary), primary, undefined);
  if (topError) return errorFile(path, format, topError);
  const other = primary === "servers" ? "mcpServers" : "servers";
  if (member(root, other)?.type === "object") {
    fc.note(`"${other}" is not where this client reads servers; searched anyway (secrets there are still in the file)`);
    section(member(root, other), other, undefined);
  }

  const projects = member(root, "projects");
  if (format === "claude_code_user" && projects?.type === "object") {
    handled.add(projects);
    for (const entry of projects.entries) {
      const projectPath = keyPathOf("projects", redactKnownTokens(entry.key));
      const projectServers = member(entry.value, "mcpServers");
      const problem = section(projectServers, `${projectPath}.mcpServers`, entry.key);
      if (problem) {
        fc.note(problem);
        loose(projectServers!, `${projectPath}.mcpServers`, "other", "mcpServers");
      }
      // History, settings and the rest of a project: pasted secrets are findings of the file.
      if (entry.value.type !== "object") loose(entry.value, projectPath, "other", entry.key);
      else for (const field of entry.value.entries) if (!handled.has(field.value)) loose(field.value, keyPathOf(projectPath, field.key), "other", field.key);
    }
  }

  const inputsNode = member(root, "inputs");
  const inputs = format === "vscode" && inputsNode?.type === "array" ? scanInputs(inputsNode, servers, fileFindings, ctx) : undefined;
  if (inputs) handled.add(inputsNode!);

  for (const entry of root.entries) if (!handled.has(entry.value)) loose(entry.value, keyPathOf("", entry.key), "other", entry.key);

  return finalize({ path, format, status: "ok", servers, findings: fileFindings, ...(inputs ? { inputs } : {}) }, fc);
}

/**
 * VS Code's prompted inputs: id, description, password flag. A literal `default` is the secret every
 * server using `${input:id}` receives, so its finding goes to those servers (else to the file).
 */
function scanInputs(node: TJson & { type: "array" }, servers: TScanServer[], fileFindings: TFinding[], ctx: TScanContext): TScanInput[] {
  const { fc } = ctx;
  const inputs: TScanInput[] = [];
  node.items.forEach((item, i) => {
    const path = `inputs[${i}]`;
    if (item.type !== "object") {
      fc.note(`${path} is ${describe(item)}, expected an object`);
      scanLoose(item, path, "input", "inputs", ctx, {}, fileFindings, null, REPORT_LIMITS.findingsPerFile);
      return;
    }
    const id = member(item, "id");
    const description = member(item, "description");
    const password = member(item, "password");
    const fallback = member(item, "default");
    for (const field of item.entries) {
      // The description is shown (cut at finalize) and searched like any other text; the rest only searched.
      if (field.value !== id && field.value !== password && field.value !== fallback && field.key !== "type") {
        scanLoose(field.value, keyPathOf(path, field.key), "input", field.key, ctx, {}, fileFindings, null, REPORT_LIMITS.findingsPerFile);
      }
    }
    const validId = id?.type === "string" && /^[A-Za-z_][\w.-]{0,127}$/.test(id.value) ? id.value : null;
    if (fallback?.type === "string") {
      const isSecret = password?.type === "boolean" && password.value === true;
      const hits = scanText(fallback.value, { keyName: isSecret ? "password" : (validId ?? "default") }).secrets;
      const users = validId ? servers.filter((s) => s.references.some((r) => r.reference === `\${input:${validId}}`)) : [];
      if (!users.length) fc.record(hits, `${path}.default`, "input", {}, fileFindings, REPORT_LIMITS.findingsPerFile);
      for (const server of users) fc.record(hits, `${path}.default`, "input", { server: server.name }, server.findings, REPORT_LIMITS.findingsPerServer);
    } else if (fallback) scanLoose(fallback, `${path}.default`, "input", "default", ctx, {}, fileFindings, null, REPORT_LIMITS.findingsPerFile);
    if (!validId) {
      fc.note(`${path} skipped: its id is missing or not a plain name`);
      return;
    }
    if (inputs.length < REPORT_LIMITS.inputsPerFile) {
      inputs.push({
        id: validId,
        ...(description?.type === "string" ? { description: description.value } : {}),
        ...(password?.type === "boolean" ? { password: password.value as boolean } : {}),
      });
    }
  });
  return inputs;
}

/** Every string the file contributes goes through the collector once all its secrets are known. */
function finalize(file: TScanFile, fc: FileCollector): TScanFile {
  // Built field by field, in reading order: what a person reads first comes first in the JSON.
  const servers = file.servers.map((s): TScanServer => ({
    name: fc.emit(s.name, T.name) || "(unnamed)",
    ...(s.project !== undefined ? { project: fc.emit(s.project, T.path) || "(unnamed)" } : {}),
    transport: s.transport,
    ...(s.command !== undefined ? { command: fc.emit(s.command, T.command) } : {}),
    ...(s.args !== undefined ? { args: s.args.map((a) => fc.emit(a, T.arg)) } : {}),
    ...(s.url !== undefined ? { url: fc.emit(s.url, T.url) } : {}),
    ...(s.envFile !== undefined ? { envFile: fc.emit(s.envFile, T.path) } : {}),
    ...(s.disabled !== undefined ? { disabled: s.disabled } : {}),
    findings: s.findings.map((f) => ({ ...f, keyPath: fc.emit(f.keyPath, T.keyPath) })),
    references: s.references.filter((r) => !fc.wouldAlter(r.reference, 200)).map((r) => ({ ...r, keyPath: fc.emit(r.keyPath, T.keyPath) })),
  }));
  const inputs = file.inputs
    ?.filter((i) => !fc.wouldAlter(i.id, 128))
    .map((i) => ({ ...i, ...(i.description !== undefined ? { description: fc.emit(i.description, T.description) } : {}) }));
  return {
    path: file.path,
    format: file.format,
    status: file.status,
    servers,
    ...(inputs ? { inputs } : {}),
    findings: file.findings.map((f) => ({ ...f, keyPath: fc.emit(f.keyPath, T.keyPath) })),
    ...(fc.notes.length ? { notes: fc.notes.map((n) => fc.emit(n, T.note)) } : {}),
  };
}

/** The entry of a file that could not be read or parsed: what and where, never the content. */
export function errorFile(path: string, format: TConfigFormat, error: string): TScanFile {
  const fc = new FileCollector();
  return { path: displayPath(path, fc), format, status: "error", error: fc.emit(error, T.error) || "error", servers: [], findings: [] };
}

/** A path as the report shows it: forward slashes, no leading ./ or /, nothing that needs cutting. */
function displayPath(path: string, fc: FileCollector): string {
  const clean = path.replace(/\\/g, "/").split("/").filter((p) => p && p !== "." && p !== "..").join("/") || "(file)";
  return fc.emit(clean, T.path);
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** UTF-8 (BOM or not) or UTF-16 with a BOM, as editors save them; anything else is not a config file. */
function decodeText(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
