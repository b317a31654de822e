// The e2e suite's OAuth authorization server for the Providers flow: the same real oidc-provider the
// connector's integration tests use (client credentials, introspection, revocation, RFC 7592), on a
// fixed port, answering slowly enough that a sync's progress bar can be seen. It registers clients
// as an admin would and writes their "registration URI + token" lines where the spec reads them.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { registerPeerClient, startOAuthPeer } from "../../lib/connectors/testing/oauth-peer";
import { CONNECTOR_PEER_PORT, CONNECTOR_REGISTRATIONS_FILE } from "./e2e-env.mjs";

const REGISTERED_CLIENTS = 16;

const peer = await startOAuthPeer({ port: CONNECTOR_PEER_PORT, delayMs: 200 });
const clients = [];
for (let i = 1; i <= REGISTERED_CLIENTS; i++) clients.push(await registerPeerClient(peer.issuer, `e2e agent ${String(i).padStart(2, "0")}`));
const file = path.resolve(import.meta.dirname, "../..", CONNECTOR_REGISTRATIONS_FILE);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, clients.map((c) => `${c.registration_client_uri} ${c.registration_access_token}`).join("\n"));
process.stdout.write(`connector peer listening on ${peer.issuer} with ${clients.length} registered clients\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void peer.close().then(() => process.exit(0)));
