import { env } from "@/lib/env";

/**
 * Structured JSON logs on stderr. Callers pass context objects; `redact` strips keys that may hold
 * secrets so nothing secret reaches logs even by accident.
 */

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type TLevel = Exclude<keyof typeof LEVELS, "silent">;

const SECRET_KEY = /secret|password|token|authorization|cookie|credential|keys?$/i;

/**
 * Secrets inside text: an error message or stack may quote a connection string, a header or a
 * provider's echo of a token. Key names cannot catch those, so the values are scrubbed too.
 */
const SECRET_TEXT: [RegExp, string][] = [
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, "$1[redacted]@"], // postgresql://user:pass@host
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [redacted]"],
  [/\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}|\bgithub_pat_[A-Za-z0-9_]{20,}|\bglpat-[A-Za-z0-9_-]{20,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|\btwk_[A-Za-z0-9_-]{16,}|\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, "[redacted]"],
];

export function redactText(text: string): string {
  return SECRET_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message), stack: value.stack && redactText(value.stack) };
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
  const line = { level, time: new Date().toISOString(), msg: redactText(msg), ...(redact(context ?? {}) as object) };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

export const logger = {
  debug: (msg: string, ctx?: Record<string, unknown>) => write("debug", msg, ctx),
  info: (msg: string, ctx?: Record<string, unknown>) => write("info", msg, ctx),
  warn: (msg: string, ctx?: Record<string, unknown>) => write("warn", msg, ctx),
  error: (msg: string, ctx?: Record<string, unknown>) => write("error", msg, ctx),
};
