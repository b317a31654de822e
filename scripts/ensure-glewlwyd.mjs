// Glewlwyd (Debian's package) is the OAuth connector's second, independent authorization server in
// the integration tests (lib/connectors/testing/glewlwyd-peer.ts). Installed like Chromium: with apt
// when missing and running as root; otherwise the tests skip locally and fail in CI.
// Plain Node: scripts/test.mjs runs it before dependencies matter; `node scripts/ensure-glewlwyd.mjs`
// runs it alone.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const GLEWLWYD_BIN = "/usr/bin/glewlwyd";

function apt(args, input) {
  const result = spawnSync(args[0], args.slice(1), {
    input,
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(`Installing Glewlwyd failed: \`${args.join(" ")}\` exited with ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ""}.\n${output}`);
  }
}

/**
 * Installs Glewlwyd when missing and running as root. Otherwise: `required` (CI) throws; else a
 * warning says the Glewlwyd tests will be skipped. Returns the install's seconds, 0 when none ran.
 */
export function ensureGlewlwyd({ required = false } = {}) {
  if (existsSync(GLEWLWYD_BIN)) return 0;
  if (process.getuid?.() !== 0) {
    const message = `No Glewlwyd at ${GLEWLWYD_BIN}, and not root to install it (as root: node scripts/ensure-glewlwyd.mjs, or apt-get install glewlwyd answering "No configuration")`;
    if (required) throw new Error(`${message}. CI must run the Glewlwyd connector tests.`);
    process.stdout.write(`\n⚠ ${message}: SKIPPING the Glewlwyd connector tests only.\n`);
    return 0;
  }
  const started = Date.now();
  process.stdout.write("Installing Debian's Glewlwyd for the OAuth connector tests (apt-get)…\n");
  // Without this answer the package's postinst asks how to set up a database (dbconfig-common).
  apt(["debconf-set-selections"], "glewlwyd glewlwyd/config_type select No configuration\n");
  apt(["apt-get", "update", "-qq"]);
  apt(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "glewlwyd"]);
  if (!existsSync(GLEWLWYD_BIN)) throw new Error(`apt-get installed glewlwyd but ${GLEWLWYD_BIN} is missing.`);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`Glewlwyd installed in ${seconds.toFixed(1)} s.\n`);
  return seconds;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    ensureGlewlwyd({ required: true });
  } catch (error) {
    process.stderr.write(`✖ ${error.message}\n`);
    process.exit(1);
  }
}
