import type { TVerificationRecord } from "@/lib/credentials/schemas";
import { ZIssueCredential, ZSetEphemeral, ZVerifyCredential } from "@/lib/credentials/schemas";
import { setEphemeral } from "@/lib/credentials/services/set-ephemeral";
import { fileIssued, issueAtProvider, type TIssuePrepared } from "@/lib/credentials/services/issue-credential";
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

// Issued at the provider in `prepare`; the value is returned once and stored nowhere.
export const issueCredentialOperation: TOperation<typeof ZIssueCredential, { credentialId: string; value: string; expiresAt: string | null }, TIssuePrepared> = {
  name: "credentials.issue",
  permission: "credentials.issue",
  input: ZIssueCredential,
  prepare: ({ prisma, input }) => issueAtProvider(prisma, input),
  run: ({ tx, actor, input, prepared }) => fileIssued(tx, actor, input, prepared),
};

// Those who answer for the credential decide whether it lives for one task.
export const setEphemeralOperation: TOperation<typeof ZSetEphemeral, { credentialId: string; ephemeralSince: string | null }> = {
  name: "credentials.set_ephemeral",
  permission: "credentials.set_ephemeral",
  input: ZSetEphemeral,
  resource: (input) => ({ type: "credential", ids: [input.credentialId] }),
  run: ({ tx, input }) => setEphemeral(tx, input),
};
