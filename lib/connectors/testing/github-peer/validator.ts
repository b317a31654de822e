import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import OpenAPIBackend, { type Document, type Operation, type Request } from "openapi-backend";
import { loadGithubSpec, type TServedOperation } from "./spec";

/**
 * Checks every request the fake receives and every response it sends against GitHub's OpenAPI
 * description. A response is checked against what the operation documents for that status; an
 * error status the operation does not list (GitHub answers 401 and 429 everywhere without saying
 * so per operation) must still be GitHub's documented error envelope, `basic-error`. A success
 * status the operation does not document is a violation.
 */

export type TMatched = { operationId: TServedOperation; operation: Operation; params: Record<string, string>; query: Record<string, unknown>; body: unknown };
export type TRequestCheck = { ok: true; matched: TMatched } | { ok: false; status: number; problem: string };

const formatErrors = (errors: { instancePath?: string; message?: string }[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`).join("; ");

export type TGithubValidator = Awaited<ReturnType<typeof createGithubValidator>>;

export async function createGithubValidator(apiRoot = "") {
  const spec = loadGithubSpec();
  const started = performance.now();
  const api = new OpenAPIBackend({
    definition: structuredClone(spec.document) as unknown as Document,
    apiRoot: apiRoot || "/",
    quick: true,
    strict: true,
    // GitHub reads query parameters as text (per_page=100); the schema says integer.
    coerceTypes: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  const components = (api.definition as unknown as { components: { schemas: Record<string, object> } }).components;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const basicError: ValidateFunction = ajv.compile(components.schemas["basic-error"]!);
  const templates = spec.allPaths.map((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`));
  const initMs = Math.round(performance.now() - started);

  function checkRequest(method: string, path: string, query: string, headers: Record<string, string>, rawBody: string): TRequestCheck {
    let body: unknown = undefined;
    if (rawBody !== "") {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return { ok: false, status: 400, problem: `${method} ${path}: Problems parsing JSON` };
      }
    }
    const request: Request = { method: method.toLowerCase(), path, query, headers, body };
    const operation = api.router.matchOperation(request);
    if (!operation) {
      const relative = path.slice(apiRoot.length) || "/";
      const known = templates.some((t) => t.test(relative));
      return { ok: false, status: 404, problem: `${method} ${path}: ${known ? "a GitHub operation this fake does not serve" : "no such operation in GitHub's OpenAPI description"}` };
    }
    const result = api.validator.validateRequest(request, operation);
    if (!result.valid) return { ok: false, status: 422, problem: `${operation.operationId}: request violates the spec: ${formatErrors(result.errors)}` };
    const parsed = api.router.parseRequest(request, operation);
    return {
      ok: true,
      matched: { operationId: operation.operationId as TServedOperation, operation, params: parsed.params as Record<string, string>, query: parsed.query as Record<string, unknown>, body },
    };
  }

  /** Problems with a response the fake is about to send; empty when GitHub could have sent it. */
  function checkResponse(operation: Operation, status: number, body: unknown): string[] {
    const responses = (operation.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>;
    const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    const id = operation.operationId;
    if (!declared) {
      if (status < 400) return [`${id}: GitHub documents no HTTP ${status} for this operation`];
      return basicError(body) ? [] : [`${id}: HTTP ${status} body is not GitHub's error envelope: ${formatErrors(basicError.errors)}`];
    }
    if (!declared.content?.["application/json"]) return body === undefined ? [] : [`${id}: HTTP ${status} has no content in the spec, but the fake sent a body`];
    if (body === undefined) return [`${id}: HTTP ${status} must have a JSON body`];
    const result = api.validateResponse(body, operation, status);
    return result.valid ? [] : [`${id}: HTTP ${status} response violates the spec: ${formatErrors(result.errors)}`];
  }

  return { checkRequest, checkResponse, loadMs: spec.loadMs, initMs, version: spec.version };
}
