import { describe, expect, it } from "vitest";
import { parseSeedArgs } from "@/lib/seed/cli-args";

describe("parseSeedArgs", () => {
  it("defaults to 2,000 credentials, seed 42, no reset", () => {
    expect(parseSeedArgs([])).toEqual({ ok: true, args: { credentials: 2000, seed: 42, reset: false, ifEmpty: false, help: false } });
  });

  it("accepts both --flag value and --flag=value", () => {
    expect(parseSeedArgs(["--credentials", "1000000", "--seed=7", "--reset"])).toEqual({
      ok: true, args: { credentials: 1_000_000, seed: 7, reset: true, ifEmpty: false, help: false },
    });
    expect(parseSeedArgs(["--if-empty"])).toMatchObject({ ok: true, args: { ifEmpty: true } });
  });

  it.each([
    [["--credentials", "0"], "at least 1"],
    [["--credentials", "5000001"], "at most"],
    [["--credentials", "2e3"], "integer"],
    [["--credentials", "12abc"], "integer"],
    [["--credentials"], "needs a value"],
    [["--credentials", "--reset"], "needs a value"],
    [["--seed", "-1"], "≥ 0"],
    [["--seed", "4294967296"], "≤ 4294967295"],
    [["--seed", "1.5"], "integer"],
    [["--reset=yes"], "takes no value"],
    [["--count", "5"], "unknown argument"],
    [["--reset", "--if-empty"], "exclude each other"],
  ])("rejects %j", (argv, message) => {
    const parsed = parseSeedArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
