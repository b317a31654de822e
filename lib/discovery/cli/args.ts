import { parseApiToken } from "@/lib/api-keys/token";
import { SCAN_LIMITS } from "@/lib/discovery/limits";

/**
 * `npm run scan -- <dir> [--out report.json|-] [--send <url> --key <twk_…>] …`: parsed strictly, so
 * a typo never sends a report somewhere unintended or silently drops an option.
 */

export const SCAN_USAGE = `usage: npm run scan -- <directory or file> [options]
  --out <file>       write the report (JSON) to <file>; "-" writes it to stdout
  --send <url>       POST the report to <url>/api/v1/scans (Tokenward's base URL)
  --key <twk_…>      API key with the scan:write scope for --send (or TOKENWARD_API_KEY;
                     prefer the variable: arguments are visible to other users in ps)
  --insecure         allow --send over plain http:// to a host other than localhost
  --timeout <s>      seconds to wait for the server (default 30)
  --label <text>     how the report names what was scanned (default: the path as given)
  --max-depth <n>    directory levels to descend (default ${SCAN_LIMITS.maxWalkDepth})
  --quiet            print only the totals line
exit codes: 0 no credential found, 1 credentials found (the report is still written/sent),
            2 usage error, unreadable path, report not written, or --send failed or refused`;

export type TScanArgs = {
  root: string;
  out?: string;
  send?: { endpoint: URL; key: string; insecure: boolean };
  timeoutMs: number;
  label?: string;
  maxDepth: number;
  quiet: boolean;
  help: boolean;
};

export type TParsedScanArgs = { ok: true; args: TScanArgs } | { ok: false; error: string };

const VALUE_FLAGS = new Set(["--out", "--send", "--key", "--timeout", "--label", "--max-depth"]);
const BOOLEAN_FLAGS = new Set(["--insecure", "--quiet", "--help", "-h"]);
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function parseScanArgs(argv: readonly string[], env: { TOKENWARD_API_KEY?: string } = {}): TParsedScanArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) return { ok: false, error: `${flag} needs a value` };
      if (values.has(flag)) return { ok: false, error: `${flag} given twice` };
      values.set(flag, value);
    } else if (BOOLEAN_FLAGS.has(flag)) {
      if (eq > 0) return { ok: false, error: `${flag} takes no value` };
      flags.add(flag === "-h" ? "--help" : flag);
    } else if (arg.startsWith("-") && arg !== "-") {
      return { ok: false, error: `unknown option ${flag}` };
    } else positional.push(arg);
  }
  const help = flags.has("--help");
  if (help) return { ok: true, args: { root: ".", timeoutMs: 30_000, maxDepth: SCAN_LIMITS.maxWalkDepth, quiet: false, help } };
  if (positional.length !== 1) return { ok: false, error: positional.length ? "give one directory or file to scan" : "give the directory or file to scan" };

  const timeout = values.get("--timeout") ?? "30";
  if (!/^\d{1,4}$/.test(timeout) || Number(timeout) < 1) return { ok: false, error: "--timeout must be whole seconds, 1 to 9999" };
  const maxDepth = values.get("--max-depth") ?? String(SCAN_LIMITS.maxWalkDepth);
  if (!/^\d{1,3}$/.test(maxDepth)) return { ok: false, error: "--max-depth must be a whole number, 0 to 999" };

  const args: TScanArgs = {
    root: positional[0]!,
    timeoutMs: Number(timeout) * 1000,
    maxDepth: Number(maxDepth),
    quiet: flags.has("--quiet"),
    help,
    ...(values.has("--out") ? { out: values.get("--out") } : {}),
    ...(values.has("--label") ? { label: values.get("--label") } : {}),
  };

  const sendTo = values.get("--send");
  const key = values.get("--key") ?? env.TOKENWARD_API_KEY;
  if (sendTo === undefined) {
    if (values.has("--key") || flags.has("--insecure")) return { ok: false, error: "--key and --insecure go with --send" };
    return { ok: true, args };
  }
  let base: URL;
  try {
    base = new URL(sendTo);
  } catch {
    return { ok: false, error: "--send must be Tokenward's URL, e.g. https://tokenward.example.com" };
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") return { ok: false, error: "--send must be an https:// URL" };
  if (base.username || base.password) return { ok: false, error: "--send must not carry credentials in the URL; give the key with --key or TOKENWARD_API_KEY" };
  if (base.search || base.hash) return { ok: false, error: "--send must be Tokenward's base URL, without ? or #" };
  const insecure = flags.has("--insecure");
  if (base.protocol === "http:" && !LOCAL_HOSTS.has(base.hostname) && !insecure) {
    return { ok: false, error: `refusing to send the report and the API key over plain http:// to ${base.host}; use https:// (or --insecure if you must)` };
  }
  if (!key) return { ok: false, error: "--send needs an API key: --key twk_… or TOKENWARD_API_KEY" };
  if (!parseApiToken(key)) return { ok: false, error: "the API key is not a Tokenward key (twk_<12 hex>_<43 characters>)" };
  const endpoint = new URL(`${base.pathname.replace(/\/+$/, "")}/api/v1/scans`, base);
  return { ok: true, args: { ...args, send: { endpoint, key, insecure } } };
}
