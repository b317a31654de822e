// The e2e suite's fake GitHub (OpenAPI-validated, stateful: lib/connectors/testing/github-peer) on a
// fixed port, with an App installed on an organisation holding 40 fine-grained PATs. Writes what an
// admin would copy from github.com (org, App id, private key) where the spec reads it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { githubFixture } from "../../lib/connectors/testing/github-peer/fixture";
import { startGithubPeer } from "../../lib/connectors/testing/github-peer/server";
import { GITHUB_PEER_FILE, GITHUB_PEER_PORT } from "./e2e-env.mjs";

const peer = await startGithubPeer({ port: GITHUB_PEER_PORT });
const f = githubFixture(peer, { org: "acme-e2e" });
f.world.generatePats(f.org.spec.login, 40);
const file = path.resolve(import.meta.dirname, "../..", GITHUB_PEER_FILE);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify({ url: peer.url, org: f.org.spec.login, appId: String(f.app.id), privateKey: f.key.privateKeyPem }));
// A second organisation (its own App) for the rotation policy e2e: PATs no other spec revokes.
const rotation = githubFixture(peer, { org: "acme-rotation-e2e" });
rotation.world.generatePats(rotation.org.spec.login, 20);
writeFileSync(file.replace(/\.json$/, "-rotation.json"), JSON.stringify({ url: peer.url, org: rotation.org.spec.login, appId: String(rotation.app.id), privateKey: rotation.key.privateKeyPem }));
// A third organisation for the access review e2e: four PATs, orphaned (no owner) in Tokenward.
const reviews = githubFixture(peer, { org: "acme-reviews-e2e" });
reviews.world.generatePats(reviews.org.spec.login, 4);
writeFileSync(file.replace(/\.json$/, "-reviews.json"), JSON.stringify({ url: peer.url, org: reviews.org.spec.login, appId: String(reviews.app.id), privateKey: reviews.key.privateKeyPem }));
process.stdout.write(`fake GitHub listening on ${peer.url}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void peer.close().then(() => process.exit(0)));
