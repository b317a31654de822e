import { randomInt } from "node:crypto";
import { chmodSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/generated/prisma/client";

/**
 * Demo sign-in details. Passwords come from node:crypto, never from the seeded PRNG: anyone who
 * knows the seed must not be able to derive them.
 */

export type TDemoLogin = { email: string; role: Role; password: string };

const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

export function randomPassword(length = 20): string {
  let out = "";
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

/** Written owner-only (0600) and atomically, so a reader never sees a half-written file. */
export function writeDemoLoginFile(file: string, users: readonly TDemoLogin[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
