import type { TReferenceKind } from "@/lib/discovery/vocabulary";

/**
 * Values that name where a secret comes from instead of holding it: `${VAR}` and `${VAR:-default}`
 * (Claude Code), `${env:VAR}` (VS Code, Cursor, Windsurf), `${input:id}` (VS Code prompts), and a
 * bare `$VAR` argument (wrappers such as envmcp expand it). They are recorded, never judged as
 * secrets. A default is not part of the reference: it is text in the file and is scanned as such.
 */

export type TReferenceMatch = {
  start: number;
  end: number;
  /** Normalised: `${VAR}`, `${env:VAR}`, `${input:id}`, `$VAR` — without any default. */
  reference: string;
  kind: TReferenceKind;
  /** The literal default of `${VAR:-default}`, with its offset in the text. */
  fallback?: { value: string; start: number };
};

// VS Code / Cursor predefined variables: paths and editor state, not secrets and not references to one.
const PREDEFINED = new Set([
  "workspaceFolder", "workspaceFolderBasename", "workspaceRoot", "userHome", "file", "fileBasename", "fileBasenameNoExtension",
  "fileDirname", "fileExtname", "fileWorkspaceFolder", "relativeFile", "relativeFileDirname", "cwd", "execPath", "pathSeparator",
  "lineNumber", "selectedText", "defaultBuildTask", "extensionInstallFolder", "/",
]);

const BRACED = /\$\{(?:(env|input):)?([A-Za-z_][\w.-]{0,127})(?::-((?:[^{}]|\{[^{}]*\})*))?\}/g;
const BARE = /^\$([A-Za-z_]\w{0,127})$/;

export function findReferences(text: string): TReferenceMatch[] {
  const out: TReferenceMatch[] = [];
  for (const m of text.matchAll(BRACED)) {
    const [whole, scope, name = "", fallback] = m;
    if (!scope && PREDEFINED.has(name)) continue;
    const kind: TReferenceKind = scope === "input" ? "input" : "env";
    const match: TReferenceMatch = { start: m.index, end: m.index + whole.length, reference: scope ? `\${${scope}:${name}}` : `\${${name}}`, kind };
    if (fallback !== undefined && fallback !== "") match.fallback = { value: fallback, start: m.index + whole.length - 1 - fallback.length };
    out.push(match);
  }
  const bare = BARE.exec(text);
  if (bare) out.push({ start: 0, end: text.length, reference: `$${bare[1]}`, kind: "env" });
  return out;
}

/** The text with every reference removed: what is left is literal and may be a secret. */
export function withoutReferences(text: string, references: readonly TReferenceMatch[]): string {
  let out = "";
  let at = 0;
  for (const r of references) {
    out += text.slice(at, r.start);
    at = r.end;
  }
  return out + text.slice(at);
}
