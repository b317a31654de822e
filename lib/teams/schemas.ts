import { z } from "zod";

export const ZTeamId = z.uuid("teamId must be a team id");

export const ZCreateTeam = z.object({
  name: z.string().trim().min(2, "Name must have at least 2 characters").max(80, "Name must have at most 80 characters"),
  slug: z.string().trim().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Slug: lowercase letters, digits and dashes, 1–40 characters"),
}).strict();

export const ZTeamMember = z.object({ teamId: ZTeamId, userId: z.uuid("userId must be a user id") }).strict();
