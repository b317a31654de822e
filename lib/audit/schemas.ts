import { z } from "zod";

export const ZSeqCursor = z.string().regex(/^\d{1,19}$/, "cursor must be an event sequence number");

export const ZAuditListQuery = z.object({
  cursor: ZSeqCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditListQuery = z.input<typeof ZAuditListQuery>;

export const ZVerifyAuditChainInput = z.object({
  expectedHead: z.object({ seq: ZSeqCursor, hash: z.string().regex(/^[0-9a-f]{64}$/, "hash must be 64 hex characters") }).optional(),
}).strict();

export const ZAuditExportQuery = z.object({}).strict();

export const ZAuditSigningQuery = z.object({}).strict();
