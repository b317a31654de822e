import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extendTailwindMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { cn, mergeClasses } from "./cn";

// The reference: tailwind-merge configured as `cn` used to be (it knows the custom `text-ui` size).
const twMerge = extendTailwindMerge({ extend: { theme: { text: ["ui"] } } });

const root = path.resolve(import.meta.dirname, "../..");

/** Every whitespace-separated word inside a string literal of the app's source: a superset of its class names. */
function repoWords(): string[] {
  const words = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") && full !== path.join(root, "components/ui/cn.ts")) {
        const source = readFileSync(full, "utf8");
        for (const m of source.matchAll(/"([^"\n]*)"|'([^'\n]*)'|`([^`]*)`/g)) {
          for (const word of (m[1] ?? m[2] ?? m[3] ?? "").replace(/\$\{[^}]*\}/g, " ").split(/\s+/)) if (word) words.add(word);
        }
      }
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(path.join(root, dir));
  return [...words].sort();
}

describe("cn", () => {
  const words = repoWords();
  // The classes tailwind-merge recognises (it drops a repeated one); every other word it leaves alone.
  const known = words.filter((w) => twMerge(`${w} ${w}`) === w);

  it("finds the repo's class names", () => {
    expect(words.length).toBeGreaterThan(1000);
    for (const cls of ["flex", "text-ui", "text-muted-foreground", "px-3", "hover:bg-accent", "size-4"]) expect(known).toContain(cls);
  });

  it("recognises exactly the words tailwind-merge recognises", () => {
    const differ = words.filter((w) => mergeClasses(`${w} ${w}`) !== twMerge(`${w} ${w}`));
    expect(differ).toEqual([]);
  });

  // Both merges keep a class unless a later kept class overrides it, so equal results for every
  // ordered pair mean equal results for every list made of these classes. The pairs grow with the
  // square of the repo's class names (~5 s alone on 2 cores, more beside other test files): the
  // timeout is the budget for that, not a bound on anything we measure.
  it("merges every pair of the repo's class names as tailwind-merge does", { timeout: 120_000 }, () => {
    const differ: string[] = [];
    for (const a of known) {
      for (const b of known) {
        const list = `${a} ${b}`;
        if (mergeClasses(list) !== twMerge(list)) differ.push(`${list} → ${mergeClasses(list)} (tailwind-merge: ${twMerge(list)})`);
      }
    }
    expect(differ.slice(0, 20)).toEqual([]);
  });

  it("merges the repo's own class lists as tailwind-merge does", () => {
    const lists: string[] = [];
    const walkLists = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walkLists(full);
        else if (entry.name.endsWith(".tsx")) for (const m of readFileSync(full, "utf8").matchAll(/"([^"\n]*)"/g)) lists.push(m[1]!);
      }
    };
    walkLists(path.join(root, "components"));
    for (let i = 0; i < lists.length; i++) {
      const list = `${lists[i]} ${lists[(i * 7 + 3) % lists.length]}`;
      expect(mergeClasses(list), list).toBe(twMerge(list));
    }
  });

  it("joins conditional classes and lets the caller's class win", () => {
    expect(cn("px-3 py-2 text-sm", false && "hidden", undefined, "px-4")).toBe("py-2 text-sm px-4");
    expect(cn("text-ui text-muted-foreground", "text-danger")).toBe("text-ui text-danger");
    expect(cn("  p-4 ", "px-2  ", ["md:p-6", { "md:px-1": true }])).toBe("p-4 px-2 md:p-6 md:px-1");
    expect(cn("leading-4 text-sm", "hover:bg-accent hover:bg-accent/40", "text-primary!", "text-danger!")).toBe("text-sm hover:bg-accent/40 text-danger!");
    expect(cn()).toBe("");
  });
});
