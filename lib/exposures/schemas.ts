import { z } from "zod";

/** Exposures: places a secret was found in clear (lib/scans writes them; people close them here). */

export const EXPOSURE_STATES = ["open", "remediated", "all"] as const;
export type TExposureState = (typeof EXPOSURE_STATES)[number];
export const EXPOSURE_LOCATION_KINDS = ["mcp_config", "env_file", "repository", "ci_log", "prompt"] as const;

export const ZRemediateExposure = z.strictObject({
  exposureId: z.uuid({ error: "Exposure id must be a UUID" }),
});
export type TRemediateExposure = z.output<typeof ZRemediateExposure>;

/** The Exposures page's filters, from its query string (unknown values fall back to the default). */
export const ZExposureFilters = z.object({
  state: z.enum(EXPOSURE_STATES).catch("open").default("open"),
  kind: z.enum(EXPOSURE_LOCATION_KINDS).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  server: z.uuid().optional().catch(undefined),
  credential: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TExposureFilters = z.output<typeof ZExposureFilters>;
