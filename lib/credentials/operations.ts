import type { TVerificationRecord } from "@/lib/credentials/schemas";
import { ZVerifyCredential } from "@/lib/credentials/schemas";
import { askProvider, recordVerification, type TPreparedVerification } from "@/lib/credentials/services/verify-credential";
import type { TOperation } from "@/lib/server/execute";

// The provider is asked outside the transaction (up to its timeout); the answer is written in it.
export const verifyCredentialOperation: TOperation<typeof ZVerifyCredential, TVerificationRecord, TPreparedVerification> = {
  name: "credentials.verify",
  permission: "credentials.verify",
  input: ZVerifyCredential,
  resource: (input) => ({ type: "credential", ids: [input.credentialId] }),
  prepare: ({ prisma, input }) => askProvider(prisma, input.credentialId),
  run: ({ tx, prepared }) => recordVerification(tx, prepared),
};
