import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/server/route";

/**
 * Every method on an /api path no route handler claims: a JSON 404 in the API's error shape, so a
 * machine caller with a typo gets an answer it can parse instead of the HTML not-found page. It
 * reads nothing and names nothing but the path the caller sent.
 */
export function unknownApiRoute(request: Request): Response {
  const { pathname } = new URL(request.url);
  return errorResponse(new AppError("NOT_FOUND", `No API endpoint at ${request.method} ${pathname.slice(0, 200)}.`));
}
