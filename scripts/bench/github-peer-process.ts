// The fake GitHub for bench:sync, in its own process so its validation work and memory do not count
// as Tokenward's. Prints one JSON line (url, org, app id, the App's private key), then serves.
import { githubFixture } from "@/lib/connectors/testing/github-peer/fixture";
import { startGithubPeer } from "@/lib/connectors/testing/github-peer/server";

const pats = Number(process.argv[2] ?? 100_000);
const peer = await startGithubPeer();
const f = githubFixture(peer);
f.world.generatePats(f.org.spec.login, pats);
process.stdout.write(`${JSON.stringify({ url: peer.url, org: f.org.spec.login, appId: String(f.app.id), privateKey: f.key.privateKeyPem })}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void peer.close().then(() => process.exit(0)));
