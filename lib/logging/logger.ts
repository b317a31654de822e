import { env } from "@/lib/env";

/**
 * Structured JSON logs on stderr. Callers pass context objects; `redact` strips keys that may hold
 * secrets so nothing secret reaches logs even by accident.
 */

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type TLevel = Exclude<keyof typeof LEVELS, "silent">;

const SECRET_KEY = /secret|password|token|authorization|cookie|credential|keys?$/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1)]),
  );
}

function write(level: TLevel, msg: string, context?: Record<string, unknown>) {
  let threshold: number = LEVELS.info;
  try {
    threshold = LEVELS[env().LOG_LEVEL];
  } catch {
    // An invalid environment must not hide the log line that explains a failure.
  }
  if (LEVELS[level] < threshold) return;
  const line = { level, time: new Date().toISOString(), msg, ...(redact(context ?? {}) as object) };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

export const logger = {
  debug: (msg: string, ctx?: Record<string, unknown>) => write("debug", msg, ctx),
  info: (msg: string, ctx?: Record<string, unknown>) => write("info", msg, ctx),
  warn: (msg: string, ctx?: Record<string, unknown>) => write("warn", msg, ctx),
  error: (msg: string, ctx?: Record<string, unknown>) => write("error", msg, ctx),
};
