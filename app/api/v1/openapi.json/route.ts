import { usageOpenApiDocument } from "@/lib/usage/openapi";
import { env } from "@/lib/env";

// Public: the contract of the machine API holds no data, and callers read it before they have a key.
export const dynamic = "force-dynamic";
export function GET(request: Request) {
  return Response.json(usageOpenApiDocument(env().AUTH_URL ?? new URL(request.url).origin));
}
