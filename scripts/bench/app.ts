// What the HTTP benchmarks share: the built app started against a benchmark database, and a session.
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * `next start` on localhost:port with the benchmark's database and a throwaway audit signing key
 * (production refuses to start without one). The in-process worker is off: production runs workers
 * beside the app, and a bench measures the API alone. Resolves once /api/health answers.
 */
export async function startBenchApp(options: { port: number; env: Record<string, string>; healthyWithinSeconds?: number }): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(options.port), "-H", "localhost"], {
    cwd: ROOT,
    env: {
      ...process.env,
      AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123456789",
      TOKENWARD_AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
      AUTH_URL: `http://localhost:${options.port}`,
      TOKENWARD_LOCAL_LOGIN: "true",
      TOKENWARD_WORKER: "off",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://localhost:${options.port}`;
  const seconds = options.healthyWithinSeconds ?? 30;
  for (let i = 0; i < seconds * 5; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`the app did not become healthy in ${seconds} s`);
}

/**
 * Signs in through Auth.js' credentials endpoint, as the sign-in page does, and proves the session
 * by a GET of `check` (a path the role may read); returns the cookie header.
 */
export async function signInBench(base: string, options: { email: string; password: string; check: string }): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      jar.set(name!.trim(), rest.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  keep(
    await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
      body: new URLSearchParams({ csrfToken, email: options.email, password: options.password, callbackUrl: "/" }),
    }),
  );
  const check = await fetch(`${base}${options.check}`, { headers: { cookie: cookie() } });
  if (check.status !== 200) throw new Error(`sign-in as ${options.email} failed: ${options.check} answered ${check.status}`);
  return cookie();
}
