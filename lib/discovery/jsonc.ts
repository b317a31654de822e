import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";

/**
 * Config files as the MCP clients read them: JSON with comments and trailing commas (VS Code's
 * JSONC, through VS Code's own parser). The result is a small tree of our own: objects keep every
 * entry in order, duplicates included (a secret under the first of two equal keys is still in the
 * file), and no key ever becomes a property of a JavaScript object (`__proto__` stays a key).
 * Errors name a position and a kind, never the text.
 */

export type TJson =
  | { type: "object"; offset: number; entries: TJsonEntry[] }
  | { type: "array"; offset: number; items: TJson[] }
  | { type: "string"; offset: number; value: string }
  | { type: "number" | "boolean" | "null"; offset: number; value: number | boolean | null };
export type TJsonEntry = { key: string; keyOffset: number; value: TJson };

export type TParsed = { ok: true; root: TJson; position: (offset: number) => string } | { ok: false; error: string };

// jsonc-parser's SyntaxKind values (a const enum the isolated-modules build cannot import).
const OPEN_BRACE = 1;
const OPEN_BRACKET = 3;
const CLOSE_BRACE = 2;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** "line 3, column 14" for an offset, computed only when a message needs it. */
function positionOf(text: string): (offset: number) => string {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `line ${lo + 1}, column ${offset - starts[lo]! + 1}`;
  };
}

/** The nesting depth check runs first, on tokens, so a hostile file never reaches a recursive parser deep. */
function tooDeep(text: string, maxDepth: number): number | null {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return null;
}

const PARSE_ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: "unexpected character", InvalidNumberFormat: "malformed number", PropertyNameExpected: "property name expected",
  ValueExpected: "value expected", ColonExpected: "colon expected", CommaExpected: "comma expected",
  CloseBraceExpected: "closing brace expected", CloseBracketExpected: "closing bracket expected", EndOfFileExpected: "end of file expected",
  InvalidCommentToken: "malformed comment", UnexpectedEndOfComment: "unterminated comment", UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number", InvalidUnicode: "malformed unicode escape", InvalidEscapeCharacter: "malformed escape",
  InvalidCharacter: "control character in a string",
};

export function parseJsonc(text: string, maxDepth: number): TParsed {
  const position = positionOf(text);
  if (!text.trim()) return { ok: false, error: "file is empty" };
  const deep = tooDeep(text, maxDepth);
  if (deep !== null) return { ok: false, error: `nested deeper than ${maxDepth} levels at ${position(deep)}` };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const first = errors[0];
    const what = first ? PARSE_ERROR_WORDS[printParseErrorCode(first.error)] ?? "syntax error" : "no value";
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    return { ok: false, error: `invalid JSON at ${position(first?.offset ?? 0)}: ${what}${more}` };
  }
  return { ok: true, root: convert(tree), position };
}

function convert(node: Node): TJson {
  switch (node.type) {
    case "object":
      return {
        type: "object",
        offset: node.offset,
        entries: (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key && value ? [{ key: String(key.value), keyOffset: key.offset, value: convert(value) }] : [];
        }),
      };
    case "array":
      return { type: "array", offset: node.offset, items: (node.children ?? []).map(convert) };
    case "string":
      return { type: "string", offset: node.offset, value: String(node.value) };
    case "number":
      return { type: "number", offset: node.offset, value: Number(node.value) };
    case "boolean":
      return { type: "boolean", offset: node.offset, value: Boolean(node.value) };
    default:
      return { type: "null", offset: node.offset, value: null };
  }
}

/** The value of the last entry named `key` (clients read the last of duplicate keys, as JSON.parse does). */
export function member(node: TJson | undefined, key: string): TJson | undefined {
  if (node?.type !== "object") return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i]!.value;
  return undefined;
}

const NOUNS: Record<TJson["type"], string> = { object: "an object", array: "a list", string: "a string", number: "a number", boolean: "a boolean", null: "null" };
export function describe(node: TJson): string {
  return NOUNS[node.type];
}
