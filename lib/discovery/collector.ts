import { fingerprintOf, hintOf } from "@/lib/connectors/fingerprint";
import { kindFromContext, providerFromContext } from "@/lib/discovery/detectors/context";
import type { TRefHit, TSecretHit } from "@/lib/discovery/detectors/hits";
import { findKnownTokens } from "@/lib/discovery/detectors/registry";
import { REPORT_LIMITS } from "@/lib/discovery/limits";
import type { TFinding, TReference } from "@/lib/discovery/schemas";
import { DETECTOR_META, type TDetectorId, type TLocation } from "@/lib/discovery/vocabulary";

/**
 * Where secrets stop. Detectors hand over hits holding the secret; the collector turns each into a
 * finding (fingerprint, hint, metadata) and keeps the value for one purpose: to cut it out of every
 * string the report shows (a server name, an argument, a key path), even where it turns up a
 * second time in a place no detector looked. Nothing but `emit` output leaves a file's scan.
 */

/**
 * Hints are for recognising a token: a short secret shows none of itself, and a hint is printable
 * ASCII or nothing (a password's last characters may be anything).
 */
export function hintFor(secret: string): string {
  const hint = secret.length >= 12 ? hintOf(secret) : "";
  return /^[\x21-\x7e]*$/.test(hint) ? hint : "";
}

export function placeholderFor(detector: TDetectorId, secret: string): string {
  return `«redacted:${detector}:${hintFor(secret)}»`;
}

export type TClues = { host?: string; server?: string };

// Control and bidirectional-override characters are shown as escapes: the report schema refuses them.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export class FileCollector {
  /** secret → its placeholder; longest first when scrubbing, so a secret containing another goes whole. */
  private readonly secrets = new Map<string, string>();
  readonly notes: string[] = [];

  note(message: string): void {
    if (this.notes.length < REPORT_LIMITS.notesPerFile) this.notes.push(message);
  }

  /** Findings from hits into `sink`, at most `cap` (one note when the cap cuts). */
  record(hits: readonly TSecretHit[], keyPath: string, location: TLocation, clues: TClues, sink: TFinding[], cap: number): void {
    for (const hit of hits) {
      this.secrets.set(hit.value, placeholderFor(hit.detector, hit.value));
      const finding = toFinding(hit, keyPath + (hit.keyPathSuffix ?? ""), location, clues);
      if (sink.some((f) => f.keyPath === finding.keyPath && f.fingerprint === finding.fingerprint)) continue;
      if (sink.length >= cap) {
        this.note(`more findings than a report holds at ${keyPath.slice(0, 120)}: the first ${cap} are listed`);
        return;
      }
      sink.push(finding);
    }
  }

  references(hits: readonly TRefHit[], keyPath: string, sink: TReference[]): void {
    for (const hit of hits) {
      const reference: TReference = { keyPath: keyPath + (hit.keyPathSuffix ?? ""), reference: hit.reference, kind: hit.kind, ...(hit.hasDefault ? { hasDefault: true } : {}) };
      if (sink.some((r) => r.keyPath === reference.keyPath && r.reference === reference.reference)) continue;
      if (sink.length >= REPORT_LIMITS.referencesPerServer) {
        this.note(`more references than a report holds at ${keyPath.slice(0, 120)}: the first ${REPORT_LIMITS.referencesPerServer} are listed`);
        return;
      }
      sink.push(reference);
    }
  }

  /**
   * A name from the file (server, key, project): a known-format token in it is a finding like any
   * other and leaves the name as a placeholder.
   */
  identifier(name: string, keyPath: string, clues: TClues, sink: TFinding[], cap: number): string {
    const tokens = findKnownTokens(name);
    if (!tokens.length) return name;
    const hits: TSecretHit[] = tokens.map((t) => ({ detector: t.detector, value: t.value, start: t.start, end: t.end }));
    this.record(hits, `${keyPath}(name)`, "other", clues, sink, cap);
    return redactSpans(name, hits);
  }

  /**
   * The only way text from a file reaches the report: every secret this file held is cut out,
   * any known-format token left is cut out, unsafe characters are escaped, and the result is
   * bounded (after redaction, so a cut never leaves half a secret behind).
   */
  emit(text: string, max: number): string {
    let out = text;
    if (this.secrets.size) {
      const bySize = [...this.secrets].filter(([secret]) => secret.length >= 8).sort((a, b) => b[0].length - a[0].length);
      for (const [secret, placeholder] of bySize) if (out.includes(secret)) out = out.split(secret).join(placeholder);
    }
    const leftover = findKnownTokens(out, { anywhere: true });
    if (leftover.length) out = redactSpans(out, leftover);
    out = out.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    return out.length <= max ? out : `${out.slice(0, max - 1)}…`;
  }

  /** Whether `emit` would change the text: a reference or an input id that needed cutting is dropped, not shown mangled. */
  wouldAlter(text: string, max: number): boolean {
    return this.emit(text, max) !== text;
  }
}

/** `text` with every known-format token replaced by its placeholder (for building key paths from names). */
export function redactKnownTokens(text: string): string {
  const tokens = findKnownTokens(text);
  return tokens.length ? redactSpans(text, tokens) : text;
}

/** `text` with each hit's characters replaced by its placeholder (overlapping hits merge into the first). */
export function redactSpans(text: string, hits: readonly { detector: TDetectorId; value: string; start: number; end: number }[]): string {
  const sorted = [...hits].filter((h) => h.end > h.start).sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const hit of sorted) {
    if (hit.end <= at) continue;
    out += text.slice(at, Math.max(at, hit.start)) + (hit.start >= at ? placeholderFor(hit.detector, hit.value) : "");
    at = hit.end;
  }
  return out + text.slice(at);
}

function toFinding(hit: TSecretHit, keyPath: string, location: TLocation, clues: TClues): TFinding {
  const meta = DETECTOR_META[hit.detector];
  return {
    keyPath,
    location,
    detector: hit.detector,
    credentialKind: meta.kind ?? kindFromContext(hit.keyName, hit.detector),
    providerHint: meta.provider ?? providerFromContext(hit.keyName, clues.host, clues.server),
    fingerprint: fingerprintOf(hit.value),
    hint: hintFor(hit.value),
    confidence: meta.confidence,
    ...(hit.detector === "aws_access_key_id" ? { externalId: hit.value } : {}),
  };
}
