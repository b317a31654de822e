import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { USAGE_LIMITS, ZUsageEvent, type TUsageEvent } from "@/lib/usage/schemas";

/**
 * A POST /api/v1/usage body — NDJSON (one event per line) or a JSON array — into events, or ONE error
 * that says which event and which field. Nothing is written unless every event is valid, so a sender
 * can fix the one bad line and resend the whole batch: idempotency by event id makes that safe.
 */

export const NDJSON_TYPES = ["application/x-ndjson", "application/jsonl", "application/ndjson"] as const;

type TRawEvent = { value: unknown; where: string };

function rawEvents(text: string, mediaType: string): TRawEvent[] {
  if (mediaType === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new AppError("VALIDATION", `The body is not valid JSON: ${(error as Error).message}. Send a JSON array of events, or NDJSON as application/x-ndjson.`);
    }
    if (!Array.isArray(parsed)) throw new AppError("VALIDATION", "A JSON body must be an array of events (or send NDJSON as application/x-ndjson).");
    return parsed.map((value, i) => ({ value, where: `event ${i + 1}` }));
  }
  const out: TRawEvent[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, "");
    if (line.trim() === "") continue;
    if (out.length >= USAGE_LIMITS.maxEvents) {
      throw new AppError("VALIDATION", `More than ${USAGE_LIMITS.maxEvents} events in one request: split the batch.`);
    }
    try {
      out.push({ value: JSON.parse(line), where: `line ${i + 1}` });
    } catch (error) {
      throw new AppError("VALIDATION", `line ${i + 1}: not valid JSON (${(error as Error).message}).`);
    }
  }
  return out;
}

function describe(where: string, value: unknown, issues: readonly z.core.$ZodIssue[]): { message: string; field: string } {
  const id = value !== null && typeof value === "object" && typeof (value as { id?: unknown }).id === "string" ? ` (id ${JSON.stringify((value as { id: string }).id.slice(0, 80))})` : "";
  const first = issues[0]!;
  const path = first.path.join(".");
  // Unknown keys are named in the message itself; the union of credential shapes says both options.
  const message = first.code === "invalid_union" && path === "credential"
    ? 'must be { "fingerprint": "sha256:…" } or { "provider": "<provider id>", "externalId": "…" }'
    : first.message;
  return { message: `${where}${id}: ${path ? `${path} ` : ""}${message}`, field: `${where}${path ? `.${path}` : ""}` };
}

export function parseUsageBatch(text: string, mediaType: string): TUsageEvent[] {
  const raw = rawEvents(text, mediaType);
  if (raw.length === 0) throw new AppError("VALIDATION", "The batch holds no events.");
  if (raw.length > USAGE_LIMITS.maxEvents) throw new AppError("VALIDATION", `More than ${USAGE_LIMITS.maxEvents} events in one request: split the batch.`);
  const events: TUsageEvent[] = [];
  const seen = new Map<string, string>();
  for (const { value, where } of raw) {
    const parsed = ZUsageEvent.safeParse(value);
    if (!parsed.success) {
      const { message, field } = describe(where, value, parsed.error.issues);
      throw new AppError("VALIDATION", `${message}. Nothing of this batch was written.`, { fieldErrors: { [field]: [message] } });
    }
    // One id twice in one batch with different content is a sender bug; the same event twice is a retry.
    const again = seen.get(parsed.data.id);
    if (again !== undefined && again !== JSON.stringify(parsed.data)) {
      throw new AppError("VALIDATION", `${where}: id ${JSON.stringify(parsed.data.id)} is used by another, different event in this batch. Nothing of this batch was written.`);
    }
    seen.set(parsed.data.id, JSON.stringify(parsed.data));
    events.push(parsed.data);
  }
  return events;
}
