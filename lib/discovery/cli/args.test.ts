import { describe, expect, it } from "vitest";
import { generateApiToken } from "@/lib/api-keys/token";
import { parseScanArgs } from "@/lib/discovery/cli/args";

const KEY = generateApiToken().token;
const ok = (argv: string[], env = {}) => {
  const parsed = parseScanArgs(argv, env);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.args;
};
const error = (argv: string[], env = {}) => {
  const parsed = parseScanArgs(argv, env);
  return parsed.ok ? null : parsed.error;
};

describe("parseScanArgs", () => {
  it("takes a root and defaults", () => {
    expect(ok(["~/code"])).toEqual({ root: "~/code", timeoutMs: 30_000, maxDepth: 12, quiet: false, help: false });
    expect(ok(["--out", "r.json", ".", "--label=acme/web", "--quiet", "--max-depth", "3", "--timeout=5"])).toEqual({
      root: ".", out: "r.json", label: "acme/web", quiet: true, maxDepth: 3, timeoutMs: 5000, help: false,
    });
    expect(ok(["--out", "-", "."]).out).toBe("-");
  });

  it("builds the endpoint from Tokenward's base URL, keeping a path prefix", () => {
    expect(ok([".", "--send", "https://tw.example.com", "--key", KEY]).send).toEqual({ endpoint: new URL("https://tw.example.com/api/v1/scans"), key: KEY, insecure: false });
    expect(ok([".", "--send", "https://example.com/tokenward/", "--key", KEY]).send?.endpoint.href).toBe("https://example.com/tokenward/api/v1/scans");
    expect(ok([".", "--send", "http://localhost:3000", "--key", KEY]).send?.endpoint.href).toBe("http://localhost:3000/api/v1/scans");
    expect(ok([".", "--send", "http://127.0.0.1:3000"], { TOKENWARD_API_KEY: KEY }).send?.key).toBe(KEY);
  });

  it.each([
    [[], "give the directory or file to scan"],
    [["a", "b"], "give one directory or file to scan"],
    [[".", "--verbose"], "unknown option --verbose"],
    [[".", "--out"], "--out needs a value"],
    [[".", "--out", "--quiet"], "--out needs a value"],
    [[".", "--out", "a", "--out", "b"], "--out given twice"],
    [[".", "--quiet=yes"], "--quiet takes no value"],
    [[".", "--timeout", "0"], "--timeout must be whole seconds, 1 to 9999"],
    [[".", "--timeout", "2e3"], "--timeout must be whole seconds, 1 to 9999"],
    [[".", "--max-depth", "-1"], "--max-depth must be a whole number, 0 to 999"],
    [[".", "--key", KEY], "--key and --insecure go with --send"],
    [[".", "--send", "tokenward.example.com", "--key", KEY], "--send must be Tokenward's URL, e.g. https://tokenward.example.com"],
    [[".", "--send", "ftp://tw.example.com", "--key", KEY], "--send must be an https:// URL"],
    [[".", "--send", "https://user:pw@tw.example.com", "--key", KEY], "--send must not carry credentials in the URL; give the key with --key or TOKENWARD_API_KEY"],
    [[".", "--send", "https://tw.example.com/?x=1", "--key", KEY], "--send must be Tokenward's base URL, without ? or #"],
    [[".", "--send", "https://tw.example.com"], "--send needs an API key: --key twk_… or TOKENWARD_API_KEY"],
    [[".", "--send", "https://tw.example.com", "--key", "ghp_notatokenwardkey"], "the API key is not a Tokenward key (twk_<12 hex>_<43 characters>)"],
  ])("%j → %s", (argv, message) => {
    expect(error(argv)).toBe(message);
  });

  it("refuses plain http to anything but this machine, unless told to", () => {
    expect(error([".", "--send", "http://tw.example.com", "--key", KEY])).toMatch(/^refusing to send the report and the API key over plain http:\/\/ to tw\.example\.com/);
    expect(error([".", "--send", "http://10.0.0.5:3000", "--key", KEY])).toMatch(/^refusing/);
    expect(ok([".", "--send", "http://tw.example.com", "--key", KEY, "--insecure"]).send?.insecure).toBe(true);
    expect(ok([".", "--send", "http://[::1]:3000", "--key", KEY]).send?.endpoint.href).toBe("http://[::1]:3000/api/v1/scans");
  });

  it("answers --help before anything else", () => {
    expect(ok(["--help"]).help).toBe(true);
    expect(ok(["-h", "--send", "nonsense"]).help).toBe(true);
  });
});
