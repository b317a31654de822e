import { auditSigning, type TAuditSigning } from "@/lib/audit/audit-keys";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * What the audit page says about signing before anyone verifies: which key signs, the newest stored
 * checkpoint, and whether the app runs unsigned. Cheap (one indexed row), so every viewer sees it.
 * Whether the checkpoints VERIFY is only known after a verification (verifyAuditChain).
 */
export type TAuditSigningStatus = {
  /** "signed": a signing key is configured; "unsigned": none (allowed by flag, or outside production). */
  mode: "signed" | "unsigned";
  keyId: string | null;
  /** TOKENWARD_AUDIT_ALLOW_UNSIGNED is set: someone chose to run without signatures. */
  allowUnsigned: boolean;
  every: number;
  checkpoints: number;
  lastCheckpoint: { seq: string; signedAt: string; keyId: string } | null;
};

export async function readAuditSigningStatus(
  prisma: Pick<PrismaClient, "auditCheckpoint">,
  signing: TAuditSigning = auditSigning(),
  allowUnsigned: boolean = env().TOKENWARD_AUDIT_ALLOW_UNSIGNED,
): Promise<TAuditSigningStatus> {
  const [last, checkpoints] = await Promise.all([
    prisma.auditCheckpoint.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, signedAt: true, keyId: true } }),
    prisma.auditCheckpoint.count(),
  ]);
  return {
    mode: signing.signer ? "signed" : "unsigned",
    keyId: signing.signer?.keyId ?? null,
    allowUnsigned,
    every: signing.every,
    checkpoints,
    lastCheckpoint: last && { seq: last.seq.toString(), signedAt: last.signedAt.toISOString(), keyId: last.keyId },
  };
}
