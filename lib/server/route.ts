import "server-only";
import "@/lib/errors/zod-messages";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { TPermission } from "@/lib/auth/permissions";
import { appendAuditEvent, type TAuditRecord } from "@/lib/audit/services/append-audit-event";
import { getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkMutationRequest } from "@/lib/security/mutation-request";
import { authenticateApiKey } from "@/lib/api-keys/services/authenticate-api-key";
import { bearerToken } from "@/lib/api-keys/token";
import { clientAddress } from "@/lib/security/client-address";
import { prismaReader, type TSqlReader } from "@/lib/db/sql-reader";
import { AppError, toPublicError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { executeOperation, normaliseError, type TOperation } from "@/lib/server/execute";
import { readBoundedBody } from "@/lib/server/read-bounded-body";
import type { TRateLimitRule } from "@/lib/security/rate-limit";
import { rateLimitStore } from "@/lib/security/rate-limit-store";

/**
 * The route-handler wrapper: session → permission → zod (query string or JSON body) → run → audit
 * → JSON or streamed Response. Mutations reuse the server-action pipeline (`operation`); reads run
 * outside a transaction, and privileged reads (exports) write an audit event before responding.
 */

type TReadContext<TQuery> = {
  actor: TActor;
  query: TQuery;
  request: Request;
  prisma: PrismaClient;
  /** Hot-path reads straight to the driver (lib/db/sql-reader.ts). */
  read: TSqlReader;
};

export type TReadRoute<TQuerySchema extends z.ZodType> = {
  kind: "read";
  name: string;
  permission: TPermission;
  query: TQuerySchema;
  run: (ctx: TReadContext<z.infer<TQuerySchema>>) => Promise<Response | object>;
  /** Per-user request budget, checked once the caller is known (costly reads: the inventory). */
  rateLimit?: { bucket: string; rule: () => TRateLimitRule };
  /** Set for privileged reads: the audit record written before the response is sent. */
  audit?: (ctx: TReadContext<z.infer<TQuerySchema>>) => TAuditRecord;
};

export type TMutationRoute<TSchema extends z.ZodType> = {
  kind: "mutation";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the prepared type is the operation's own business
  operation: TOperation<TSchema, unknown, any>;
  /** The JSON body is read up to this many bytes, else 413 before it is parsed (default DEFAULT_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /**
   * Machine ingestion (usage events, OTLP): the body is not a JSON form but a batch in the sender's
   * format (NDJSON, protobuf, gzip), so the route reads and decodes it itself — bounded — into the
   * operation's input. Such routes take an API key only: a browser session never reaches them.
   */
  ingest?: {
    decode: (request: Request) => Promise<unknown>;
    /** The answer in the sender's protocol (OTLP answers protobuf to protobuf). */
    respond?: (data: unknown, request: Request) => Response;
  };
};

/** Mutations carry small JSON bodies unless a route says otherwise (scan reports, uploads). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The JSON body, read at most `max` bytes: a declared Content-Length over it is refused unread, and
 * a body that streams past it is cut off (a missing or lying header cannot make us buffer more).
 */
async function readJsonBody(request: Request, max: number): Promise<unknown> {
  if (!request.body) return undefined;
  const bytes = await readBoundedBody(request, max, () => new AppError("PAYLOAD_TOO_LARGE", `The body is over the ${max}-byte limit of this endpoint.`));
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}

export type TRouteDefinition = TReadRoute<z.ZodType> | TMutationRoute<z.ZodType>;

export type TRouteHandler = (request: Request) => Promise<Response>;

const definitions = new WeakMap<TRouteHandler, TRouteDefinition>();

export function defineRoute<TQuerySchema extends z.ZodType>(def: TReadRoute<TQuerySchema>): TRouteHandler;
export function defineRoute<TSchema extends z.ZodType>(def: TMutationRoute<TSchema>): TRouteHandler;
export function defineRoute(def: TRouteDefinition): TRouteHandler {
  const handler: TRouteHandler = async (request) => {
    const started = performance.now();
    const { getCurrentActor } = await import("@/lib/auth/session");
    const database = await getDatabase();
    // JSON routes are gzipped by Next itself (next.config.js JSON_ROUTES; ARCHITECTURE "Compressed
    // route handler JSON"). A machine caller's API key decides alone: the cookie is not even read.
    const configured = env().AUTH_URL;
    const session = bearerToken(request.headers) === null ? await getCurrentActor() : null;
    const sessionMs = performance.now() - started;
    const reader = timedReader(database.read);
    const response = await executeRoute(database.prisma, def, session, request, reader.read, configured ? new URL(configured).origin : undefined);
    if (def.kind === "read") {
      try {
        response.headers.set("server-timing", serverTiming(sessionMs, reader.ms(), performance.now() - started));
      } catch {
        // A Response with immutable headers (Response.redirect) goes out without it.
      }
    }
    return response;
  };
  definitions.set(handler, def);
  return handler;
}

/** The hot-path reader, counting the time its statements take (for Server-Timing). */
function timedReader(read: TSqlReader): { read: TSqlReader; ms: () => number } {
  let ms = 0;
  return {
    read: async <T>(text: string, values: readonly unknown[]) => {
      const started = performance.now();
      try {
        return await read<T>(text, values);
      } finally {
        ms += performance.now() - started;
      }
    },
    ms: () => ms,
  };
}

/**
 * Where a read's time went, in the standard header browsers' dev tools and the benchmarks read:
 * `session` (cookie + the one indexed user lookup), `query` (the route's statements on the hot-path
 * reader), `app` (the whole handler). app − query is our part of the request; the rest of what a
 * client waits for is Next's and the network's. Durations only: nothing about the data.
 */
export function serverTiming(sessionMs: number, queryMs: number, appMs: number): string {
  return `session;dur=${sessionMs.toFixed(2)}, query;dur=${queryMs.toFixed(2)}, app;dur=${appMs.toFixed(2)}`;
}

export function routeDefinitionOf(fn: unknown): TRouteDefinition | undefined {
  return typeof fn === "function" ? definitions.get(fn as TRouteHandler) : undefined;
}

export function routeName(def: TRouteDefinition): string {
  return def.kind === "read" ? def.name : def.operation.name;
}

export function routePermission(def: TRouteDefinition): TPermission {
  return def.kind === "read" ? def.permission : def.operation.permission;
}

export function errorResponse(error: AppError): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.retryAfterSeconds) headers["retry-after"] = String(error.retryAfterSeconds);
  // A refused API key: say how to authenticate (RFC 6750).
  if (error.code === "UNAUTHENTICATED") headers["www-authenticate"] = 'Bearer realm="tokenward"';
  return Response.json({ error: toPublicError(error) }, { status: error.status, headers });
}

async function apiKeyActor(prisma: PrismaClient, bearer: string, request: Request): Promise<TActor> {
  if (bearer === "invalid") throw new AppError("UNAUTHENTICATED", "Send the API key as Authorization: Bearer twk_…");
  const e = env();
  return authenticateApiKey(prisma, bearer, {
    store: await rateLimitStore(),
    limitPerMinute: e.TOKENWARD_API_KEY_RATE_LIMIT,
    clientAddress: clientAddress(request.headers, e.TOKENWARD_TRUSTED_PROXIES),
  });
}

/**
 * The query string as one value per name. Every parameter is single-valued (lists are
 * comma-separated), so a name given twice is refused rather than silently reading one of them.
 */
export function queryRecord(params: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const [key, value] of params) {
    if (Object.hasOwn(record, key)) repeated.add(key);
    record[key] = value;
  }
  if (repeated.size > 0) {
    const key = [...repeated][0] ?? "";
    const times = params.getAll(key).length;
    throw new AppError("VALIDATION", `${key} is given ${times} times: give it once (a list is comma-separated, ${key}=a,b)`);
  }
  return record;
}

export async function executeRoute(
  prisma: PrismaClient,
  def: TRouteDefinition,
  sessionActor: TActor | null,
  request: Request,
  read: TSqlReader = prismaReader(prisma),
  /** The origin mutations must come from: AUTH_URL's when set, else the request's own. */
  appOrigin: string = new URL(request.url).origin,
): Promise<Response> {
  // An Authorization header means a machine caller: its API key decides, never the cookie beside it.
  const bearer = bearerToken(request.headers);
  let actor = sessionActor;
  if (bearer !== null) {
    try {
      actor = await apiKeyActor(prisma, bearer, request);
    } catch (error) {
      return errorResponse(normaliseError(error, routeName(def)));
    }
  }
  if (def.kind === "mutation" && def.ingest) {
    let body: unknown;
    try {
      if (!actor?.apiKey) throw new AppError("UNAUTHENTICATED", "Send an API key as Authorization: Bearer twk_… (Settings → API keys).");
      if (request.method !== "POST") throw new AppError("VALIDATION", `${request.method} is not accepted here: use POST.`);
      // The key's permission is checked before the body is read: a stranger cannot make us inflate it.
      await authorize(prisma, actor, def.operation.permission, { targetType: "operation", targetId: def.operation.name });
      body = await def.ingest.decode(request);
    } catch (error) {
      return errorResponse(normaliseError(error, def.operation.name));
    }
    const result = await executeOperation(prisma, def.operation, actor, body);
    if (result.ok) return def.ingest.respond ? def.ingest.respond(result.data, request) : Response.json({ data: result.data }, { headers: { "cache-control": "no-store" } });
    return errorResponse(new AppError(result.error.code, result.error.message, { fieldErrors: result.error.fieldErrors }));
  }
  if (def.kind === "mutation") {
    let body: unknown;
    try {
      // A bearer token is not ambient, so a cross-site page cannot send it: no Origin check then.
      checkMutationRequest(request, bearer !== null ? null : appOrigin);
      // A route that takes a large body (scan reports, uploads) checks the permission before reading
      // it, so a caller without it cannot make us buffer megabytes (the pipeline checks it again).
      if ((def.maxBodyBytes ?? 0) > DEFAULT_MAX_BODY_BYTES) await authorize(prisma, actor, def.operation.permission, { targetType: "operation", targetId: def.operation.name });
      body = await readJsonBody(request, def.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    } catch (error) {
      return errorResponse(normaliseError(error, def.operation.name));
    }
    const result = await executeOperation(prisma, def.operation, actor, body);
    if (result.ok) return Response.json({ data: result.data }, { headers: { "cache-control": "no-store" } });
    return errorResponse(new AppError(result.error.code, result.error.message, { fieldErrors: result.error.fieldErrors }));
  }
  try {
    const who = await authorize(prisma, actor, def.permission, { targetType: "route", targetId: def.name });
    const budget = def.rateLimit ? await (await rateLimitStore()).reserve(`${def.rateLimit.bucket}:${who.apiKey ? `key:${who.apiKey.id}` : who.id}`, def.rateLimit.rule(), Date.now()) : undefined;
    if (budget && !budget.allowed) {
      throw new AppError("RATE_LIMITED", "Too many inventory requests. Wait a moment and try again.", { retryAfterSeconds: Math.max(1, Math.ceil(budget.retryAfterMs / 1000)) });
    }
    const url = new URL(request.url);
    const parsed = def.query.safeParse(queryRecord(url.searchParams));
    if (!parsed.success) {
      throw new AppError("VALIDATION", parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "));
    }
    const ctx = { actor: who, query: parsed.data, request, prisma, read };
    if (def.audit) {
      const record = def.audit(ctx);
      await prisma.$transaction((tx) => appendAuditEvent(tx, who, record));
    }
    const out = await def.run(ctx);
    return out instanceof Response ? out : Response.json(out, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(normaliseError(error, def.name));
  }
}
