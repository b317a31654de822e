import { constants, type Dirent, type Stats } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { CONFIG_FILE_NAMES, formatForPath } from "@/lib/discovery/formats";
import { REPORT_LIMITS, SCAN_LIMITS } from "@/lib/discovery/limits";
import { buildReport } from "@/lib/discovery/report";
import { errorFile, formatBytes, maxBytesFor, scanFile } from "@/lib/discovery/scan-file";
import type { TScanFile, TScanReport } from "@/lib/discovery/schemas";
import type { TConfigFormat } from "@/lib/discovery/vocabulary";

/**
 * Walks a directory tree (a home directory, a checkout, a CI workspace) for the five clients'
 * config files and scans each. Only files with a config file's name are opened. Directories are
 * entered once each (by device and inode, so symlink and bind-mount loops end), symbolic links
 * are followed only to targets inside the root, and special files (FIFOs, devices) are never
 * opened: a hostile tree can make the walk report errors, not hang or escape the root.
 */

export type TScanDirectoryOptions = {
  maxDepth?: number;
  /** Directory names never entered (dependencies, VCS data, caches). */
  skipDirectories?: readonly string[];
  /** The report's root label; default: the root as given. */
  label?: string;
  now?: () => Date;
  /** Called once per config file scanned, with its relative path (progress). */
  onFile?: (relativePath: string, file: TScanFile) => void;
};

export const DEFAULT_SKIP_DIRECTORIES = [
  "node_modules", ".git", ".hg", ".svn", ".venv", "venv", "__pycache__", ".tox", ".next", ".nuxt", ".cache", ".npm", ".pnpm-store",
  ".yarn", ".gradle", ".m2", ".cargo", ".rustup", ".Trash", "Caches",
];

type TWalkState = {
  rootReal: string;
  files: TScanFile[];
  visited: Set<string>;
  counts: { entries: number; unreadable: number; outside: number; tooDeep: number };
  stopped: string | null;
};

export async function scanDirectory(root: string, options: TScanDirectoryOptions = {}): Promise<TScanReport> {
  const maxDepth = options.maxDepth ?? SCAN_LIMITS.maxWalkDepth;
  const skip = new Set(options.skipDirectories ?? DEFAULT_SKIP_DIRECTORIES);
  const rootStat = await stat(root);
  const state: TWalkState = {
    rootReal: await realpath(root),
    files: [],
    visited: new Set(),
    counts: { entries: 0, unreadable: 0, outside: 0, tooDeep: 0 },
    stopped: null,
  };
  const found = (file: TScanFile) => {
    state.files.push(file);
    options.onFile?.(file.path, file);
    // One past the limit, so the report says it was cut.
    if (state.files.length > REPORT_LIMITS.files) state.stopped ??= `stopped after ${REPORT_LIMITS.files} config files`;
  };

  if (rootStat.isFile()) {
    const name = path.basename(root);
    found(await readCandidate(state.rootReal, name, formatForPath(state.rootReal) ?? "claude_code"));
  } else {
    state.visited.add(identity(rootStat));
    const stack: { abs: string; rel: string; depth: number }[] = [{ abs: root, rel: "", depth: 0 }];
    while (stack.length && !state.stopped) {
      const dir = stack.pop()!;
      let entries: Dirent[];
      try {
        entries = await readdir(dir.abs, { withFileTypes: true });
      } catch {
        state.counts.unreadable += 1;
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: typeof stack = [];
      for (const entry of entries) {
        if (state.stopped) break;
        if (++state.counts.entries > SCAN_LIMITS.maxWalkEntries) {
          state.stopped = `stopped after ${SCAN_LIMITS.maxWalkEntries.toLocaleString("en")} directory entries`;
          break;
        }
        const abs = path.join(dir.abs, entry.name);
        const rel = dir.rel ? `${dir.rel}/${entry.name}` : entry.name;
        const isConfigName = CONFIG_FILE_NAMES.has(entry.name);
        let stats: Stats | null = null;
        if (entry.isSymbolicLink()) {
          const target = await realpath(abs).catch((error: NodeJS.ErrnoException) => (error.code === "ELOOP" ? "loop" : null));
          if (target === null || target === "loop") {
            if (isConfigName) found(errorEntry(rel, abs, target === "loop" ? "symbolic link loop; not read" : "broken symbolic link; not read"));
            continue;
          }
          if (target !== state.rootReal && !target.startsWith(state.rootReal + path.sep)) {
            state.counts.outside += 1;
            if (isConfigName && formatForPath(abs)) found(errorEntry(rel, abs, "symbolic link to outside the scanned root; not followed"));
            continue;
          }
          stats = await stat(abs).catch(() => null);
          if (!stats) continue;
        }
        const isDirectory = stats ? stats.isDirectory() : entry.isDirectory();
        if (isDirectory) {
          if (skip.has(entry.name)) continue;
          if (dir.depth + 1 > maxDepth) {
            state.counts.tooDeep += 1;
            continue;
          }
          const dirStats = stats ?? (await stat(abs).catch(() => null));
          if (!dirStats || state.visited.has(identity(dirStats))) continue;
          state.visited.add(identity(dirStats));
          subdirs.push({ abs, rel, depth: dir.depth + 1 });
          continue;
        }
        if (!isConfigName) continue;
        const format = formatForPath(abs);
        if (!format) continue;
        const isFile = stats ? stats.isFile() : entry.isFile();
        found(isFile ? await readCandidate(abs, rel, format) : errorEntry(rel, abs, "not a regular file (a FIFO, socket or device); not read"));
      }
      // Depth first, in name order.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
    }
  }

  const notes: string[] = [];
  if (state.stopped) notes.push(`${state.stopped}: the walk did not finish`);
  if (state.counts.unreadable) notes.push(`${state.counts.unreadable} directories could not be read (permission denied or removed during the scan)`);
  if (state.counts.outside) notes.push(`${state.counts.outside} symbolic links lead outside the scanned root and were not followed`);
  if (state.counts.tooDeep) notes.push(`${state.counts.tooDeep} directories deeper than ${maxDepth} levels were not entered`);
  return buildReport(state.files, { scannedAt: (options.now ?? (() => new Date()))(), root: options.label ?? root, notes });
}

function identity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

function errorEntry(rel: string, abs: string, error: string): TScanFile {
  return errorFile(rel, formatForPath(abs) ?? "claude_code", error);
}

/**
 * Opens without blocking (a FIFO renamed mcp.json must not hang the walk), checks what was opened
 * is a regular file of an acceptable size, and reads at most that much.
 */
async function readCandidate(abs: string, rel: string, format: TConfigFormat): Promise<TScanFile> {
  const max = maxBytesFor(format);
  let handle;
  try {
    handle = await open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return errorEntry(rel, abs, `cannot open (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return errorEntry(rel, abs, "not a regular file (a FIFO, socket or device); not read");
    if (stats.size > max) return errorEntry(rel, abs, `file is ${formatBytes(stats.size)}, over the ${formatBytes(max)} limit; not read`);
    const buffer = Buffer.alloc(Math.min(stats.size, max) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // Grown since the stat: still over the limit.
    if (length > max) return errorEntry(rel, abs, `file is over the ${formatBytes(max)} limit; not read`);
    return scanFile(rel, buffer.subarray(0, length), { format });
  } catch (error) {
    return errorEntry(rel, abs, `cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
