import { z } from "zod";
import { PRIVILEGES } from "@/lib/scopes/privileges";

/** Kept apart from privileges.ts, which the browser imports without zod. */
export const ZPrivilege = z.enum(PRIVILEGES, { error: `must be one of ${PRIVILEGES.join(", ")}` });
