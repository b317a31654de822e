import { describe, expect, it } from "vitest";
import { usageOpenApiDocument } from "@/lib/usage/openapi";

describe("the ingestion OpenAPI document", () => {
  const doc = usageOpenApiDocument("https://tokenward.example");

  it("is OpenAPI 3.1 and describes both ingestion endpoints with their errors", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/api/v1/usage", "/api/v1/otlp/v1/traces"]);
    for (const path of Object.values(doc.paths)) expect(Object.keys(path.post.responses)).toEqual(["200", "400", "401", "403", "413", "415", "429"]);
  });

  it("derives the event schema from the zod schema the route enforces", () => {
    const event = doc.components.schemas.UsageEvent as { required: string[]; additionalProperties: boolean; properties: Record<string, { enum?: string[] }> };
    expect(event.required.sort()).toEqual(["caller", "credential", "id", "outcome", "spanId", "target", "time", "traceId"]);
    expect(event.additionalProperties).toBe(false);
    expect(event.properties.outcome!.enum).toEqual(["allowed", "denied", "error", "task_completed"]);
    expect(JSON.stringify(doc)).toContain("tokenward.credential.fingerprint");
  });
});
