// TEMPORARY (not committed): CPU profile of GET /api/v1/credentials under next start.
import { startBenchApp, signInBench } from "./bench/app";
import { databaseUrl } from "@/lib/testing/postgres-admin";
const name = process.argv[2]!;
const n = Number(process.argv[3] ?? "1500");
const prof = process.argv.includes("--prof");
const app = await startBenchApp({ port: 3330, env: { DATABASE_URL: databaseUrl(name), TOKENWARD_INVENTORY_RATE_LIMIT: "1000000", ...(prof ? { NODE_OPTIONS: "--cpu-prof --cpu-prof-dir=/work/main/.prof-tmp" } : {}) } });
const base = "http://localhost:3330";
const cookie = await signInBench(base, { email: "security@tokenward.local", password: "bench-password-0123456789", check: "/api/v1/credentials?limit=1" });
const time = async (url: string, headers: Record<string, string>) => { const t = performance.now(); await (await fetch(url, { headers })).text(); return performance.now() - t; };
const p50 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
for (let i = 0; i < 50; i++) { await time(`${base}/api/v1/credentials?limit=50`, { cookie, "accept-encoding": "identity" }); await time(`${base}/api/health`, {}); }
const list: number[] = [], one: number[] = [], miss: number[] = [], health: number[] = [], anon: number[] = [];
for (let i = 0; i < n; i++) {
  list.push(await time(`${base}/api/v1/credentials?limit=50`, { cookie, "accept-encoding": "identity" }));
  one.push(await time(`${base}/api/v1/credentials?limit=1`, { cookie, "accept-encoding": "identity" }));
  miss.push(await time(`${base}/api/v1/credentials?limit=50&scope=no:such`, { cookie, "accept-encoding": "identity" }));
  anon.push(await time(`${base}/api/v1/credentials?limit=1`, { "accept-encoding": "identity" }));
  health.push(await time(`${base}/api/health`, {}));
}
console.log({ list50: p50(list), limit1: p50(one), scopeMiss: p50(miss), unauthenticated401: p50(anon), health: p50(health) });
app.kill("SIGINT");
await new Promise((r) => setTimeout(r, 3000));
