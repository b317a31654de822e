import { AppError } from "@/lib/errors/app-error";

/**
 * The CSRF gate of cookie-authenticated mutating route handlers (server actions get Next's own
 * origin check). A browser always sends `Origin` on a POST/PUT/PATCH/DELETE, so a missing or foreign
 * one means the request did not come from our pages; and a JSON body is required, since
 * `text/plain`, form and multipart bodies are what a cross-site form can send without a preflight.
 */
export function checkMutationRequest(request: Request, appOrigin: string | null): void {
  if (request.method === "GET" || request.method === "HEAD") {
    throw new AppError("VALIDATION", `${request.method} cannot change anything: use POST.`);
  }
  const origin = request.headers.get("origin");
  // null: the caller authenticates with a bearer token, which a cross-site page cannot attach.
  if (appOrigin !== null && (!origin || origin !== appOrigin)) {
    throw new AppError("FORBIDDEN", "Cross-origin request refused: mutations must come from Tokenward's own pages.");
  }
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE");
}
