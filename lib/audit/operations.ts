import { ZVerifyAuditChainInput } from "@/lib/audit/schemas";
import { verifyAuditChain, type TChainVerification } from "@/lib/audit/services/verify-audit-chain";
import type { TOperation } from "@/lib/server/execute";

/** Verifying the chain is a privileged read: it is itself recorded, with its verdict. */
export const verifyAuditChainOperation: TOperation<typeof ZVerifyAuditChainInput, TChainVerification> = {
  name: "audit.verify_chain",
  permission: "audit.verify",
  input: ZVerifyAuditChainInput,
  run: async ({ tx, input }) => {
    const result = await verifyAuditChain(tx, { expectedHead: input.expectedHead });
    return {
      data: result,
      audit: { targetType: "audit_chain", summary: { ok: result.ok, count: result.count, head: result.head, firstBreak: result.firstBreak } },
    };
  },
};
