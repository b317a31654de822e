import "server-only";
import type { z } from "zod";
import type { TConnectorDefinition } from "@/lib/connectors/contract";
import { isProviderError } from "@/lib/connectors/provider-error";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";

function issuesOf(schema: z.ZodType, value: unknown, prefix: "config" | "secret", into: TFieldErrors): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = [prefix, ...issue.path.map(String)].join(".");
    (into[key] ??= []).push(issue.message);
  }
  return undefined;
}

/**
 * Parses config (and the secret, when given) with the connector's schemas; every issue of both
 * becomes a field error ("config.issuer", "secret.clientSecret") so the form marks them all at once.
 */
export function parseConnectorInput(definition: TConnectorDefinition, config: unknown, secret?: unknown): { config: unknown; secret: unknown } {
  const fieldErrors: TFieldErrors = {};
  const parsedConfig = issuesOf(definition.configSchema, config, "config", fieldErrors);
  const parsedSecret = secret === undefined ? undefined : issuesOf(definition.secretSchema, secret, "secret", fieldErrors);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", undefined, { fieldErrors });
  return { config: parsedConfig, secret: parsedSecret };
}

/**
 * Tests the connection before anything is saved: a provider that cannot be reached, refuses the
 * secret or answers garbage is refused with the provider's own words, and the transaction rolls back.
 */
export async function requireWorkingConnection(definition: TConnectorDefinition, config: unknown, secret: unknown): Promise<string> {
  const test = definition.capabilities.testConnection;
  if (!test.supported) return `Not tested: ${test.reason}`;
  try {
    return (await test.run({ config, secret })).detail;
  } catch (error) {
    if (isProviderError(error)) throw new AppError("VALIDATION", `Connection test failed: ${error.message}`, { cause: error });
    throw error;
  }
}
