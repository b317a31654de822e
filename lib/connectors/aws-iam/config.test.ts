import { describe, expect, it } from "vitest";
import { ZAwsIamConfig, ZAwsIamSecret } from "./config";

const KEY = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("aws_iam config", () => {
  it("needs a 12-digit account; the region defaults to us-east-1; extra keys of the seeded providers are dropped", () => {
    expect(ZAwsIamConfig.parse({ accountId: " 447100992315 ", partition: "aws" })).toEqual({ accountId: "447100992315", region: "us-east-1" });
    expect(issues(ZAwsIamConfig.safeParse({ accountId: "4471-0099-2315" }))).toEqual(["accountId: An AWS account id is 12 digits"]);
  });

  it("accepts the partitions' regions and http(s) endpoints only", () => {
    for (const region of ["eu-west-1", "us-gov-west-1", "cn-north-1", "us-iso-east-1", "ap-southeast-5"]) expect(ZAwsIamConfig.safeParse({ accountId: "123456789012", region }).success, region).toBe(true);
    expect(ZAwsIamConfig.safeParse({ accountId: "123456789012", region: "Frankfurt" }).success).toBe(false);
    expect(issues(ZAwsIamConfig.safeParse({ accountId: "123456789012", endpoint: "file:///etc/passwd" }))).toEqual(["endpoint: The endpoint must be an http(s) URL"]);
  });

  it("path prefix starts with /; the user name filter takes IAM's characters and *", () => {
    expect(ZAwsIamConfig.safeParse({ accountId: "123456789012", pathPrefix: "/agents/", userNameFilter: "svc-*" }).success).toBe(true);
    expect(ZAwsIamConfig.safeParse({ accountId: "123456789012", pathPrefix: "agents/" }).success).toBe(false);
    expect(ZAwsIamConfig.safeParse({ accountId: "123456789012", userNameFilter: "svc (.*)" }).success).toBe(false);
  });
});

describe("aws_iam secret", () => {
  it("a long-term key: AKIA id, 40-character secret, no session token", () => {
    expect(ZAwsIamSecret.parse({ ...KEY, secretAccessKey: ` ${KEY.secretAccessKey}\n` })).toEqual(KEY);
    expect(issues(ZAwsIamSecret.safeParse({ ...KEY, sessionToken: "tok" }))).toEqual(["sessionToken: A long-term (AKIA…) key takes no session token"]);
  });

  it("temporary credentials: ASIA id with its session token", () => {
    expect(ZAwsIamSecret.safeParse({ ...KEY, accessKeyId: "ASIAIOSFODNN7EXAMPLE", sessionToken: "FwoGZXIvYXdzE…" }).success).toBe(true);
    expect(issues(ZAwsIamSecret.safeParse({ ...KEY, accessKeyId: "ASIAIOSFODNN7EXAMPLE" }))).toEqual(["sessionToken: Temporary (ASIA…) credentials need their session token"]);
  });

  it("refuses what is not an access key, naming the field", () => {
    expect(issues(ZAwsIamSecret.safeParse({ ...KEY, accessKeyId: "ghp_abcdefghijklmnop" }))).toEqual([
      "accessKeyId: An access key id is 20 characters starting with AKIA (or ASIA for temporary credentials)",
    ]);
    expect(issues(ZAwsIamSecret.safeParse({ ...KEY, secretAccessKey: "short" }))).toEqual(["secretAccessKey: A secret access key is 40 characters (letters, digits, / and +)"]);
  });
});
