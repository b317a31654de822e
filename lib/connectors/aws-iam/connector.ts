import { DeleteAccessKeyCommand, GetUserCommand, ListUsersCommand, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { z } from "zod";
import { defineConnector, requireExternalId, type TIssuedCredential, type TVerification } from "../contract";
import { ProviderError } from "../provider-error";
import { withIam, type TIam, type TIamContext } from "./client";
import { ZAwsIamConfig, ZAwsIamSecret } from "./config";
import { createKey, isNoSuchEntity, lastUse, locateKey, noSuchUser } from "./keys";
import { PolicyReader } from "./policies";
import { isGranted } from "./policy-document";
import { syncIam, ZIamUser, ZListUsers } from "./sync";

/**
 * AWS IAM access keys through the AWS SDK (query protocol, Signature V4). The connector acts as one
 * IAM user of the account; see DESCRIPTION for the permissions it needs. How each operation was
 * proven (emulate, or AWS's documented responses behind a SigV4-checking front) is in
 * docs/ARCHITECTURE.md, "Connectors".
 */

const PERMISSIONS =
  "iam:GetUser, iam:ListUsers, iam:ListUserTags, iam:ListAccessKeys, iam:GetAccessKeyLastUsed, iam:ListUserPolicies, iam:GetUserPolicy, iam:ListAttachedUserPolicies, iam:ListGroupsForUser, iam:ListGroupPolicies, iam:GetGroupPolicy, iam:ListAttachedGroupPolicies, iam:GetPolicy, iam:GetPolicyVersion; to issue, rotate and revoke also iam:CreateAccessKey, iam:UpdateAccessKey, iam:DeleteAccessKey";

const DESCRIPTION =
  `An AWS account's IAM users and their access keys: sync (with the actions their policies allow as scopes), last use, issue a key for a user, revoke (deactivate, then delete). Rotation creates the user's second key; the old one stays active until it is revoked. The connector's IAM user needs ${PERMISSIONS}.`;

const arnAccount = (arn: string) => arn.split(":")[4] ?? "";

function requireAccount(ctx: TIamContext, arn: string): void {
  const account = arnAccount(arn);
  if (account !== ctx.config.accountId) {
    throw new ProviderError("config", `These credentials belong to AWS account ${account}, not ${ctx.config.accountId}: check the account id or the key.`, { retryable: false });
  }
}

async function issueFor(iam: TIam, userName: string, requested: string[]): Promise<TIssuedCredential> {
  // Read first: an unknown user or a scope the user's policies do not grant fails before a key exists.
  const { scopes } = await new PolicyReader(iam).forUser(userName).catch((error: unknown) => {
    throw isNoSuchEntity(error) ? noSuchUser(userName, error) : error;
  });
  const missing = requested.filter((scope) => !isGranted(scopes, scope));
  if (missing.length > 0) {
    throw new ProviderError(
      "config",
      `IAM user ${userName}'s policies do not allow ${missing.join(", ")}. An access key carries exactly its user's permissions and cannot be narrowed or widened: change the user's policies, or ask for fewer scopes.`,
      { retryable: false },
    );
  }
  const key = await createKey(iam, userName);
  return { value: key.SecretAccessKey, tokenType: "aws_access_key", scopes, externalId: key.AccessKeyId };
}

export const awsIamConnector = defineConnector({
  label: "AWS IAM access keys",
  description: DESCRIPTION,
  configSchema: ZAwsIamConfig,
  secretSchema: ZAwsIamSecret,
  capabilities: {
    testConnection: {
      supported: true,
      // GetUser without a name answers for the signing key's own user (AWS checks the key and
      // signature first); ListUsers then proves the read access sync needs.
      run: (ctx) =>
        withIam(ctx, async (iam) => {
          let who: string;
          try {
            const { User } = await iam.send("GetUser", new GetUserCommand({}), z.object({ User: ZIamUser }));
            requireAccount(ctx, User.Arn);
            who = `IAM user ${User.UserName} (${User.Arn})`;
          } catch (error) {
            // Role or federated credentials have no user of their own; the account is then read
            // from any user's ARN.
            if (!(error instanceof ProviderError) || !/^ValidationError:.*non-User credentials/i.test(error.providerMessage ?? "")) throw error;
            who = "temporary credentials that belong to no IAM user";
          }
          const { Users } = await iam.send("ListUsers", new ListUsersCommand({ MaxItems: 1 }), ZListUsers);
          if (Users[0]) requireAccount(ctx, Users[0].Arn);
          return { ok: true, detail: `Signed in to AWS account ${ctx.config.accountId} at ${iam.host} as ${who}; IAM users can be listed.` };
        }),
    },
    sync: { supported: true, run: (ctx) => syncIam(ctx) },
    issue: {
      supported: true,
      run: async (ctx, request) => {
        const subject = request.subject;
        if (!subject) throw new ProviderError("config", "An AWS access key belongs to an IAM user: name the user (the subject) to issue one for.", { retryable: false });
        return withIam(ctx, (iam) => issueFor(iam, subject, request.scopes));
      },
    },
    rotate: {
      supported: true,
      // AWS rotation is create → the consumer switches → deactivate → delete, spread over time by the
      // rotation workflow. This is its first step: a new key for the same user, the old one untouched
      // (still Active) until the workflow revokes it. A user with two keys must lose one first.
      run: (ctx, credential) =>
        withIam(ctx, async (iam) => {
          const id = requireExternalId(credential, "rotate it");
          const located = await locateKey(iam, id);
          if (!located) throw new ProviderError("config", `AWS has no access key ${id} in this account (deleted?): there is nothing to rotate.`, { retryable: false });
          return issueFor(iam, located.userName, []);
        }),
    },
    revoke: {
      supported: true,
      // Deactivate first, then delete: if the delete fails the key already works no more. A key AWS
      // no longer has is revoked already.
      run: (ctx, credential) =>
        withIam(ctx, async (iam) => {
          const id = requireExternalId(credential, "revoke it");
          if (id === ctx.secret.accessKeyId) {
            throw new ProviderError("config", `${id} is the key this provider signs in with: give the provider another key before revoking this one.`, { retryable: false });
          }
          const located = await locateKey(iam, id);
          if (!located) return;
          const target = { UserName: located.userName, AccessKeyId: id };
          try {
            if (located.key.Status === "Active") await iam.send("UpdateAccessKey", new UpdateAccessKeyCommand({ ...target, Status: "Inactive" }), z.object({}));
            await iam.send("DeleteAccessKey", new DeleteAccessKeyCommand(target), z.object({}));
          } catch (error) {
            if (!isNoSuchEntity(error)) throw error;
          }
        }),
    },
    verify: {
      supported: true,
      run: (ctx, credential) =>
        withIam(ctx, async (iam): Promise<TVerification> => {
          const located = await locateKey(iam, requireExternalId(credential, "verify it"));
          if (!located) return { active: false, scopes: [], audience: [] };
          const { scopes } = await new PolicyReader(iam).forUser(located.userName);
          // Access keys do not expire and have no audience; the key's user is its subject.
          return { active: located.key.Status === "Active", scopes, audience: [], subject: located.userName };
        }),
    },
    lastUsed: {
      supported: true,
      run: (ctx, credential) => withIam(ctx, async (iam) => (await lastUse(iam, requireExternalId(credential, "read its last use"))).at ?? null),
    },
  },
});
