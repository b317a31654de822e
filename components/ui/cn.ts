import { clsx, type ClassValue } from "clsx";

/*
 * A small stand-in for tailwind-merge (8.5 kB gzip on every page): the same algorithm (walk the list
 * from the end; drop a class when a later kept class of the same variants and `!` has its group or
 * a group that overrides it), with rules for the Tailwind utilities this codebase writes.
 * components/ui/cn.test.ts compares it with tailwind-merge for every pair of class names found in
 * the repo, so a class it does not know yet fails that test instead of merging differently.
 */

// A length-like value: number, fraction, keyword, or arbitrary `[…]` / `(…)`.
const V = String.raw`(?:\d+(?:\.\d+)?|\d+/\d+|px|auto|full|fit|min|max|screen|dvh|svh|lvh|none|\[.+\]|\(.+\))`;
const SIZE = String.raw`(?:\d*xs|sm|md|lg|\d*xl|prose)`;
const SIDE = "(?:t|r|b|l|x|y|s|e)";

// [pattern, group] — the first match wins; `$1` in a group is the pattern's first capture.
const RULES: [RegExp, string][] = (
  [
    ["(block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|inline-table|table-cell|table-row|table-caption|table-column|table-column-group|table-footer-group|table-header-group|table-row-group|contents|flow-root|list-item|hidden)", "display"],
    ["(static|fixed|absolute|relative|sticky)", "position"],
    ["(visible|invisible|collapse)", "visibility"],
    ["(sr-only|not-sr-only)", "sr"],
    ["(truncate|text-ellipsis|text-clip)", "text-overflow"],
    [String.raw`line-clamp-(\d+|none|\[.+\])`, "line-clamp"],
    ["(uppercase|lowercase|capitalize|normal-case)", "text-transform"],
    ["(italic|not-italic)", "font-style"],
    ["(underline|overline|line-through|no-underline)", "text-decoration"],
    ["(tabular-nums|proportional-nums)", "fvn-spacing"],
    ["(filter|filter-none)", "filter"],
    ["resize(-x|-y|-none)?", "resize"],
    ["border-(collapse|separate)", "border-collapse"],
    ["flex-(row|col)(-reverse)?", "flex-direction"],
    ["flex-(wrap|nowrap|wrap-reverse)", "flex-wrap"],
    [String.raw`flex-(\d+|auto|initial|none|\[.+\])`, "flex"],
    [String.raw`(shrink|grow)(-\d+)?`, "$1"],
    [`basis-(${V}|${SIZE})`, "basis"],
    ["items-(start|end|center|baseline|stretch)", "align-items"],
    ["self-(auto|start|end|center|stretch|baseline)", "align-self"],
    ["justify-(start|end|center|between|around|evenly|stretch|normal)", "justify-content"],
    [`(gap|gap-x|gap-y)-${V}`, "$1"],
    [`(space-x|space-y)-${V}`, "$1"],
    [`(p|px|py|pt|pr|pb|pl|m|mx|my|mt|mr|mb|ml|scroll-mt|scroll-mb)-${V}`, "$1"],
    [`(w|h|size|min-w|min-h|max-w|max-h)-(${V}|${SIZE})`, "$1"],
    [`(inset|inset-x|inset-y|top|right|bottom|left)-${V}`, "$1"],
    [String.raw`z-(\d+|auto|\[.+\])`, "z"],
    [String.raw`opacity-(\d+|\[.+\])`, "opacity"],
    [String.raw`(col|row)-span-(\d+|full|\[.+\])`, "$1-start-end"],
    [String.raw`(col|row)-(start|end)-(\d+|auto|\[.+\])`, "$1-$2"],
    [String.raw`grid-(cols|rows)-(\d+|none|subgrid|\[.+\])`, "grid-$1"],
    [String.raw`font-(thin|extralight|light|normal|medium|semibold|bold|extrabold|black|\d+)`, "font-weight"],
    ["font-.+", "font-family"],
    ["text-(left|center|right|justify|start|end)", "text-alignment"],
    ["text-(wrap|nowrap|balance|pretty)", "text-wrap"],
    [String.raw`text-(xs|sm|base|lg|\d*xl|ui|\[[\d.]+(px|r?em)\])`, "font-size"],
    ["text-.+", "text-color"],
    [String.raw`leading-(\d+(\.\d+)?|none|tight|snug|normal|relaxed|loose|\[.+\])`, "leading"],
    [String.raw`tracking-(tighter|tight|normal|wide|wider|widest|\[.+\])`, "tracking"],
    ["whitespace-(normal|nowrap|pre|pre-line|pre-wrap|break-spaces)", "whitespace"],
    ["break-(normal|words|all|keep)", "break"],
    [String.raw`align-(baseline|top|middle|bottom|text-top|text-bottom|sub|super|\[.+\])`, "vertical-align"],
    ["list-(disc|decimal|none)", "list-style-type"],
    [String.raw`cursor-([a-z-]+|\[.+\])`, "cursor"],
    ["select-(none|text|all|auto)", "select"],
    ["pointer-events-(none|auto)", "pointer-events"],
    ["appearance-(none|auto)", "appearance"],
    ["(overflow|overflow-x|overflow-y)-(auto|hidden|clip|visible|scroll)", "$1"],
    ["(overscroll|overscroll-x|overscroll-y)-(auto|contain|none)", "$1"],
    [`rounded(-${SIDE}|-tl|-tr|-br|-bl)?(-(none|${SIZE}|full|\\[.+\\]))?`, "rounded$1"],
    [String.raw`border(-\d+|-\[\d.*\])?`, "border-w"],
    [`border-(${SIDE})(-\\d+)?`, "border-w-$1"],
    ["border-(solid|dashed|dotted|double|hidden|none)", "border-style"],
    [`border-(${SIDE})-.+`, "border-color-$1"],
    ["border-.+", "border-color"],
    [`divide-(x|y)(-\\d+)?`, "divide-$1"],
    ["divide-.+", "divide-color"],
    [String.raw`shadow(-(\d*xs|sm|md|lg|\d*xl|none|inner))?`, "shadow"],
    [String.raw`ring(-\d+)?`, "ring-w"],
    ["ring-.+", "ring-color"],
    [String.raw`outline(-\d+)?`, "outline-w"],
    ["outline-(none|solid|dashed|dotted|double|hidden)", "outline-style"],
    [String.raw`outline-offset-\d+`, "outline-offset"],
    ["outline-.+", "outline-color"],
    [String.raw`underline-offset-(\d+|auto|\[.+\])`, "underline-offset"],
    ["decoration-.+", "text-decoration-color"],
    [String.raw`stroke-(\d+|\[\d.*\])`, "stroke-w"],
    ["stroke-.+", "stroke"],
    ["fill-.+", "fill"],
    ["accent-.+", "accent"],
    ["bg-.+", "bg-color"],
    [String.raw`animate-(spin|ping|pulse|bounce|none|\[.+\])`, "animate"],
    [String.raw`transition(-(all|colors|opacity|shadow|transform|none|\[.+\]))?`, "transition"],
    [String.raw`duration-(\d+|\[.+\])`, "duration"],
    [String.raw`backdrop-blur(-(none|\d*xs|sm|md|lg|\d*xl|\[.+\]))?`, "backdrop-blur"],
    [`translate-(x|y)-${V}`, "translate-$1"],
  ] as const
).map(([re, group]) => [new RegExp(`^(?:${re})$`), group]);

const CONFLICTS: Record<string, string[]> = {
  overflow: ["overflow-x", "overflow-y"],
  // line-clamp sets display and overflow itself.
  "line-clamp": ["display", "overflow"],
  inset: ["inset-x", "inset-y", "top", "right", "bottom", "left"],
  "inset-x": ["right", "left"],
  "inset-y": ["top", "bottom"],
  flex: ["basis", "grow", "shrink"],
  gap: ["gap-x", "gap-y"],
  p: ["px", "py", "pt", "pr", "pb", "pl"],
  px: ["pr", "pl"],
  py: ["pt", "pb"],
  m: ["mx", "my", "mt", "mr", "mb", "ml"],
  mx: ["mr", "ml"],
  my: ["mt", "mb"],
  size: ["w", "h"],
  "font-size": ["leading"],
  rounded: ["rounded-s", "rounded-e", "rounded-t", "rounded-r", "rounded-b", "rounded-l", "rounded-tl", "rounded-tr", "rounded-br", "rounded-bl"],
  "rounded-t": ["rounded-tl", "rounded-tr"],
  "rounded-r": ["rounded-tr", "rounded-br"],
  "rounded-b": ["rounded-br", "rounded-bl"],
  "rounded-l": ["rounded-tl", "rounded-bl"],
  "border-w": ["border-w-x", "border-w-y", "border-w-s", "border-w-e", "border-w-t", "border-w-r", "border-w-b", "border-w-l"],
  "border-w-x": ["border-w-s", "border-w-e", "border-w-r", "border-w-l"],
  "border-w-y": ["border-w-t", "border-w-b"],
  "border-color": ["border-color-x", "border-color-y", "border-color-s", "border-color-e", "border-color-t", "border-color-r", "border-color-b", "border-color-l"],
  "border-color-x": ["border-color-s", "border-color-e", "border-color-r", "border-color-l"],
  "border-color-y": ["border-color-t", "border-color-b"],
};

// Variants whose order matters; the others are compared sorted (as tailwind-merge does).
const ORDERED = new Set(["*", "**", "after", "backdrop", "before", "details-content", "file", "first-letter", "first-line", "marker", "placeholder", "selection"]);

function groupOf(base: string): string | undefined {
  if (base.startsWith("[") && base.endsWith("]")) {
    const property = base.slice(1, base.indexOf(":"));
    return base.includes(":") && property ? `[${property}` : undefined;
  }
  const name = base.startsWith("-") ? base.slice(1) : base;
  for (const [re, group] of RULES) {
    const m = re.exec(name);
    if (m) return group.replace("$1", m[1] ?? "").replace("$2", m[2] ?? "");
  }
  return undefined;
}

function sortVariants(variants: string[]): string {
  const out: string[] = [];
  let run: string[] = [];
  for (const v of variants) {
    if (v.startsWith("[") || ORDERED.has(v)) {
      out.push(...run.sort(), v);
      run = [];
    } else run.push(v);
  }
  return [...out, ...run.sort()].join(":");
}

/** Merges a class list: of two Tailwind classes that set the same thing, the later one wins. */
export function mergeClasses(list: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  const classes = list.trim().split(/\s+/);
  for (let i = classes.length - 1; i >= 0; i--) {
    const cls = classes[i]!;
    // Split variants (`hover:`), a postfix (`/50`) and `!` at the top level, outside […] and (…).
    const variants: string[] = [];
    let depth = 0;
    let start = 0;
    let slash = -1;
    for (let j = 0; j < cls.length; j++) {
      const c = cls[j];
      if (c === "[" || c === "(") depth++;
      else if (c === "]" || c === ")") depth--;
      else if (depth === 0 && c === ":") {
        variants.push(cls.slice(start, j));
        start = j + 1;
      } else if (depth === 0 && c === "/") slash = j;
    }
    let base = cls.slice(start);
    const important = base.endsWith("!") || base.startsWith("!");
    if (important) base = base.endsWith("!") ? base.slice(0, -1) : base.slice(1);
    const postfix = slash > start ? slash - start : 0;
    let group = postfix ? groupOf(base.slice(0, postfix)) : undefined;
    const withPostfix = !!group;
    group ??= groupOf(base);
    if (!group) {
      kept.push(cls);
      continue;
    }
    const prefix = sortVariants(variants) + (important ? "!" : "");
    if (seen.has(prefix + group)) continue;
    seen.add(prefix + group);
    for (const other of CONFLICTS[group] ?? []) seen.add(prefix + other);
    if (withPostfix && group === "font-size") seen.add(`${prefix}leading`);
    kept.push(cls);
  }
  return kept.reverse().join(" ");
}

/** Joins class names and lets a caller's Tailwind class override a component's default. */
export function cn(...inputs: ClassValue[]): string {
  return mergeClasses(clsx(inputs));
}
