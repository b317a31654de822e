// The MCP probe e2e's peers: a JWKS issuer and two real MCP servers built with
// @modelcontextprotocol/sdk — one configured correctly (on MCP_PEER_PORT), one without an audience
// check — on loopback. Where each listens and the probe client's credentials go to MCP_PEER_FILE.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OTHER_RESOURCE, PROBE_CLIENT, startTestIssuer, startTestMcpServer } from "../../lib/mcp-servers/probe/testing/mcp-auth-peer";
import { MCP_PEER_FILE, MCP_PEER_PORT } from "./e2e-env.mjs";

const issuer = await startTestIssuer();
const correct = await startTestMcpServer(issuer.issuer, "correct", MCP_PEER_PORT);
const loose = await startTestMcpServer(issuer.issuer, "no-audience-check");
const file = path.resolve(import.meta.dirname, "../..", MCP_PEER_FILE);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify({ tokenEndpoint: issuer.tokenEndpoint, clientId: PROBE_CLIENT.id, clientSecret: PROBE_CLIENT.secret, otherResource: OTHER_RESOURCE, correct: correct.url, loose: loose.url }));
process.stdout.write(`MCP peers: ${correct.url} (correct), ${loose.url} (no audience check), issuer ${issuer.issuer}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void Promise.all([correct.close(), loose.close(), issuer.close()]).then(() => process.exit(0)));
}
