import { z } from "zod";

/**
 * What an admin enters for an AWS account. IAM is a global service: the region only picks the
 * partition's endpoint (iam.amazonaws.com, iam.us-gov.amazonaws.com, iam.cn-north-1.amazonaws.com.cn)
 * and the region requests are signed for, so us-east-1 is right for every commercial account.
 */

// Commercial, GovCloud (us-gov-…), China (cn-…) and the isolated partitions (us-iso-…, us-isob-…).
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export const ZAwsIamConfig = z.object({
  accountId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, "An AWS account id is 12 digits")
    .meta({ title: "Account id", description: "The 12-digit account whose IAM users and access keys this provider governs; the connection test refuses keys of another account." }),
  region: z
    .string()
    .trim()
    .regex(REGION, "A region looks like us-east-1, us-gov-west-1 or cn-north-1")
    .default("us-east-1")
    .meta({ title: "Signing region", description: "IAM is global: us-east-1 for AWS, us-gov-west-1 for GovCloud (US), cn-north-1 for AWS China. It picks IAM's endpoint and the region requests are signed for." }),
  endpoint: z
    .url({ protocol: /^https?$/, error: "The endpoint must be an http(s) URL" })
    .optional()
    .meta({ title: "IAM endpoint (optional)", description: "Leave empty for AWS's own IAM endpoint. Only for a VPC endpoint or proxy in front of IAM (https outside a test setup)." }),
  pathPrefix: z
    .string()
    .trim()
    .max(512)
    .regex(/^\/[\x21-\x7e]*$/, "An IAM path prefix starts with / (e.g. /agents/)")
    .optional()
    .meta({ title: "Path prefix (sync)", description: "Sync only IAM users whose path starts with this, e.g. /agents/. Narrowing it later marks the keys it leaves out as gone upstream at the next sync." }),
  userNameFilter: z
    .string()
    .trim()
    .max(128)
    .regex(/^[\w+=,.@*-]+$/, "IAM user names use letters, digits and +=,.@_- ; * matches anything")
    .optional()
    .meta({ title: "User name filter (sync)", description: "Sync only users whose name matches, * as a wildcard, case-insensitive (e.g. svc-* or *-agent)." }),
});

export const ZAwsIamSecret = z
  .object({
    accessKeyId: z
      .string()
      .trim()
      .regex(/^(AKIA|ASIA)[A-Z0-9]{16}$/, "An access key id is 20 characters starting with AKIA (or ASIA for temporary credentials)")
      .meta({ title: "Access key id", description: "Of the IAM user Tokenward acts as. It needs read access to IAM users, keys and policies, and iam:CreateAccessKey / UpdateAccessKey / DeleteAccessKey to issue and revoke." }),
    secretAccessKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9/+]{40}$/, "A secret access key is 40 characters (letters, digits, / and +)")
      .meta({ title: "Secret access key" }),
    sessionToken: z
      .string()
      .trim()
      .min(1)
      .max(4096, "At most 4,096 characters")
      .optional()
      .meta({ title: "Session token", description: "Only with temporary (ASIA…) credentials. They expire within hours; a dedicated IAM user's key suits a connector better." }),
  })
  .superRefine((secret, ctx) => {
    const temporary = secret.accessKeyId.startsWith("ASIA");
    if (temporary && !secret.sessionToken) ctx.addIssue({ code: "custom", path: ["sessionToken"], message: "Temporary (ASIA…) credentials need their session token" });
    if (!temporary && secret.sessionToken) ctx.addIssue({ code: "custom", path: ["sessionToken"], message: "A long-term (AKIA…) key takes no session token" });
  });

export type TAwsIamConfig = z.infer<typeof ZAwsIamConfig>;
export type TAwsIamSecret = z.infer<typeof ZAwsIamSecret>;
