import { describe, expect, it } from "vitest";
import { ProviderError } from "../provider-error";
import { actionMatches, allowedActions, isGranted, normaliseScopes } from "./policy-document";

const encoded = (document: object) => encodeURIComponent(JSON.stringify(document));

describe("policy documents → scopes", () => {
  it("reads IAM's URL-encoded documents, and plain JSON too", () => {
    const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "arn:aws:s3:::reports/*" }] };
    expect(allowedActions(encoded(doc), "p")).toEqual(["s3:GetObject", "s3:ListBucket"]);
    expect(allowedActions(JSON.stringify(doc), "p")).toEqual(["s3:GetObject", "s3:ListBucket"]);
  });

  it("takes a single Statement object or a list, a single Action string or a list, and ignores Deny", () => {
    expect(allowedActions(encoded({ Statement: { Effect: "Allow", Action: "ec2:Describe*", Resource: "*" } }), "p")).toEqual(["ec2:Describe*"]);
    expect(allowedActions(encoded({ Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }, { Effect: "Allow", Action: " sqs:SendMessage ", Resource: "*" }] }), "p")).toEqual(["sqs:SendMessage"]);
  });

  it("an Allow with NotAction grants everything but a few actions: it counts as *", () => {
    expect(allowedActions(encoded({ Statement: [{ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }] }), "p")).toEqual(["*"]);
  });

  it("a document that is not JSON, or has no Statement, is an invalid answer naming the policy", () => {
    expect(() => allowedActions("%7Bnot json", "inline policy x of user y")).toThrow(new ProviderError("invalid_response", "The policy document of inline policy x of user y is not JSON.", { retryable: false }));
    expect(() => allowedActions(encoded({ Version: "2012-10-17" }), "managed policy arn")).toThrow(/has no readable Statement/);
  });
});

describe("IAM action matching", () => {
  it("* matches any run, ? one character, case-insensitively, anchored", () => {
    expect(actionMatches("s3:Get*", "s3:GetObject")).toBe(true);
    expect(actionMatches("S3:GET*", "s3:getobjectacl")).toBe(true);
    expect(actionMatches("s3:Get?bject", "s3:GetObject")).toBe(true);
    expect(actionMatches("s3:Get*", "s3:PutObject")).toBe(false);
    expect(actionMatches("s3:Get", "s3:GetObject")).toBe(false);
    expect(actionMatches("*", "iam:CreateAccessKey")).toBe(true);
    // A dot is a character, not a regular-expression wildcard.
    expect(actionMatches("a.b:x", "aXb:x")).toBe(false);
  });

  it("a scope is granted when any pattern matches it", () => {
    expect(isGranted(["ec2:Describe*", "s3:GetObject"], "ec2:DescribeInstances")).toBe(true);
    expect(isGranted(["ec2:Describe*"], "ec2:RunInstances")).toBe(false);
    expect(isGranted([], "s3:GetObject")).toBe(false);
  });

  it("scopes are kept once each (IAM ignores case) and sorted", () => {
    expect(normaliseScopes(["s3:PutObject", "S3:getobject", "s3:GetObject", "*"])).toEqual(["*", "S3:getobject", "s3:PutObject"]);
  });
});
