import { z } from "zod";
import { parseCron } from "@/lib/jobs/cron";

/** Inputs of the MCP server actions (registering a remote server, the probe's client, running it). */

function parsed(u: string): URL | null {
  try {
    return new URL(u);
  } catch {
    return null;
  }
}

/** An http(s) URL without user info or fragment; the probe vets the address itself at call time. */
const ZHttpUrl = (example: string) =>
  z
    .url(`Must be a URL, e.g. ${example}`)
    .max(2000, "At most 2000 characters")
    .refine((u) => { const url = parsed(u); return !url || url.protocol === "https:" || url.protocol === "http:"; }, "Must be an http or https URL")
    .refine((u) => !parsed(u)?.username && !parsed(u)?.password, "Put no credentials in the URL")
    .refine((u) => !parsed(u)?.hash, "Must not have a #fragment");

export const ZMcpServerUrl = ZHttpUrl("https://mcp.example.com/mcp");

export const ZRegisterMcpServer = z.strictObject({
  name: z.string().trim().min(1, "Name the server").max(100, "At most 100 characters"),
  url: ZMcpServerUrl,
  environment: z.enum(["prod", "staging", "dev"], { error: "Environment must be prod, staging or dev" }).default("prod"),
});
export type TRegisterMcpServer = z.infer<typeof ZRegisterMcpServer>;

export const ZMcpServerId = z.strictObject({ id: z.uuid({ error: "id must be an MCP server id" }) });

const ZSchedule = z
  .string()
  .trim()
  .max(100, "At most 100 characters")
  .transform((value, ctx) => {
    if (value === "") return null;
    try {
      parseCron(value);
      return value;
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `Not a schedule: ${(error as Error).message} (e.g. "0 3 * * *" for daily at 03:00 UTC)` });
      return z.NEVER;
    }
  });

/** The probe's client at an authorization server the MCP server trusts. A missing secret keeps the stored one. */
export const ZConfigureProbe = z.strictObject({
  id: z.uuid({ error: "id must be an MCP server id" }),
  tokenEndpoint: ZHttpUrl("https://auth.example.com/oauth/token"),
  clientId: z.string().trim().min(1, "Client id is required").max(200, "At most 200 characters"),
  clientSecret: z.string().min(1, "Client secret cannot be empty").max(2000, "At most 2000 characters").optional(),
  otherResource: z.union([z.literal(""), ZHttpUrl("https://other.example.com/mcp")]).optional().transform((v) => v || null),
  scope: z.string().trim().max(500, "At most 500 characters").optional().transform((v) => v || null),
  expiryWaitSeconds: z.number({ error: "Expiry wait must be a number of seconds" }).int("Expiry wait must be whole seconds").min(0, "Expiry wait must be at least 0 s").max(120, "Expiry wait must be at most 120 s").default(0),
  schedule: ZSchedule.optional().transform((v) => v ?? null),
});
export type TConfigureProbe = z.infer<typeof ZConfigureProbe>;

/** What the browser sees of the probe client: never the secret. */
export type TProbeSettingsView = {
  tokenEndpoint: string;
  clientId: string;
  secretSet: boolean;
  otherResource: string | null;
  scope: string | null;
  expiryWaitSeconds: number;
  schedule: string | null;
};
