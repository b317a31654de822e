import { randomUUID } from "node:crypto";

/**
 * IAM's query-protocol responses, written from the sample responses in AWS's IAM API reference
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_<Action>.html, "Sample Response") and,
 * for errors, from responses AWS returned to users as quoted in public issue threads (cited below).
 * The IAM peer answers with these the operations `emulate` does not implement; the AWS SDK parses
 * them exactly as it parses AWS, so a shape written wrong here would fail the connector's tests.
 */

export const IAM_XMLNS = "https://iam.amazonaws.com/doc/2010-05-08/";

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

type TXml = string | number | boolean | Date | undefined;

/** `<Name>value</Name>`; an undefined value is left out, as AWS leaves out absent fields. */
export function el(name: string, value: TXml): string {
  if (value === undefined) return "";
  const text = value instanceof Date ? iso(value) : String(value);
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** IAM writes timestamps as ISO 8601 in UTC without milliseconds (2015-03-13T10:45:00Z). */
export function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function members(name: string, items: string[]): string {
  return `<${name}>${items.map((item) => `<member>${item}</member>`).join("")}</${name}>`;
}

/** Lists end with IsTruncated and, when truncated, the Marker to continue from. */
export function page(marker: string | undefined): string {
  return marker ? `${el("IsTruncated", true)}${el("Marker", marker)}` : el("IsTruncated", false);
}

/** `<ActionResponse xmlns><ActionResult>…</ActionResult><ResponseMetadata>…` (no Result element for Update/Delete). */
export function response(action: string, result?: string): string {
  const body = result === undefined ? "" : `<${action}Result>${result}</${action}Result>`;
  return `<${action}Response xmlns="${IAM_XMLNS}">${body}<ResponseMetadata>${el("RequestId", randomUUID())}</ResponseMetadata></${action}Response>`;
}

/**
 * IAM's error envelope and status codes, as AWS returned them:
 * - ExpiredToken 403 `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>…`
 *   (https://github.com/cfn-sphere/cfn-sphere/issues/55);
 * - Throttling 400 "Rate exceeded" (https://github.com/nccgroup/Scout2/issues/17);
 * - LimitExceeded "Cannot exceed quota for AccessKeysPerUser: 2" (https://github.com/simonw/s3-credentials/issues/64;
 *   409 per API_CreateAccessKey.html "Errors");
 * - InvalidClientTokenId 403 (IAM API reference, "Common Errors"; IAM's message in
 *   https://github.com/fog/fog/issues/3387);
 * - SignatureDoesNotMatch for an IAM call (ListUsers, https://github.com/aws/aws-cli/issues/5341),
 *   message as in https://github.com/aws/aws-cli/issues/135; 403, as AWS answers authentication
 *   failures (the status is the one detail here not quoted from an IAM answer);
 * - NoSuchEntity 404 "The Access Key with id … cannot be found." / "The user with name … cannot be found."
 *   (API_UpdateAccessKey.html, API_DeleteAccessKey.html, API_GetAccessKeyLastUsed.html "Errors").
 */
export function errorResponse(code: string, message: string, type: "Sender" | "Receiver" = "Sender"): string {
  return `<ErrorResponse xmlns="${IAM_XMLNS}"><Error>${el("Type", type)}${el("Code", code)}${el("Message", message)}</Error>${el("RequestId", randomUUID())}</ErrorResponse>`;
}

export const IAM_ERRORS = {
  throttling: { status: 400, code: "Throttling", message: "Rate exceeded" },
  expiredToken: { status: 403, code: "ExpiredToken", message: "The security token included in the request is expired" },
  keyLimit: { status: 409, code: "LimitExceeded", message: "Cannot exceed quota for AccessKeysPerUser: 2" },
  nonUserCredentials: { status: 400, code: "ValidationError", message: "Must specify userName when calling with non-User credentials" },
  noSuchKey: (id: string) => ({ status: 404, code: "NoSuchEntity", message: `The Access Key with id ${id} cannot be found.` }),
  noSuchUser: (name: string) => ({ status: 404, code: "NoSuchEntity", message: `The user with name ${name} cannot be found.` }),
  noSuchPolicy: (what: string) => ({ status: 404, code: "NoSuchEntity", message: `${what} does not exist or is not attachable.` }),
} as const;

export type TRecordedUser = { userName: string; userId: string; path: string; arn: string; createDate: Date };
export type TRecordedKey = { userName: string; accessKeyId: string; status: "Active" | "Inactive"; createDate: Date };

export const userXml = (u: TRecordedUser) => `${el("Path", u.path)}${el("UserName", u.userName)}${el("UserId", u.userId)}${el("Arn", u.arn)}${el("CreateDate", u.createDate)}`;

/** API_ListUsers.html sample: Users/member with Path, UserName, UserId, Arn, CreateDate; IsTruncated, Marker. */
export const listUsers = (users: TRecordedUser[], marker?: string) => response("ListUsers", `${members("Users", users.map(userXml))}${page(marker)}`);

/** API_GetUser.html sample. */
export const getUser = (user: TRecordedUser) => response("GetUser", `<User>${userXml(user)}</User>`);

/** API_ListAccessKeys.html sample: AccessKeyMetadata/member with UserName, AccessKeyId, Status, CreateDate. */
export const listAccessKeys = (userName: string, keys: TRecordedKey[]) =>
  response(
    "ListAccessKeys",
    `${el("UserName", userName)}${members("AccessKeyMetadata", keys.map((k) => `${el("UserName", k.userName)}${el("AccessKeyId", k.accessKeyId)}${el("Status", k.status)}${el("CreateDate", k.createDate)}`))}${page(undefined)}`,
  );

/**
 * API_GetAccessKeyLastUsed.html sample (Region us-west-2, LastUsedDate, ServiceName s3, UserName bob).
 * A key never used has no LastUsedDate and "N/A" for Region and ServiceName (API_AccessKeyLastUsed.html).
 */
export const getAccessKeyLastUsed = (userName: string, used?: { date: Date; service: string; region: string }) =>
  response(
    "GetAccessKeyLastUsed",
    `<AccessKeyLastUsed>${el("Region", used?.region ?? "N/A")}${el("LastUsedDate", used?.date)}${el("ServiceName", used?.service ?? "N/A")}</AccessKeyLastUsed>${el("UserName", userName)}`,
  );

/** API_UpdateAccessKey.html / API_DeleteAccessKey.html samples: ResponseMetadata only. */
export const empty = (action: "UpdateAccessKey" | "DeleteAccessKey") => response(action);

/** API_ListUserTags.html sample: Tags/member with Key, Value. */
export const listUserTags = (tags: { key: string; value: string }[]) => response("ListUserTags", `${members("Tags", tags.map((t) => `${el("Key", t.key)}${el("Value", t.value)}`))}${page(undefined)}`);

/** API_ListUserPolicies.html / API_ListGroupPolicies.html samples: PolicyNames/member. */
export const listPolicyNames = (action: "ListUserPolicies" | "ListGroupPolicies", names: string[]) =>
  response(action, `${members("PolicyNames", names.map((n) => escapeXml(n)))}${page(undefined)}`);

/**
 * API_GetUserPolicy.html / API_GetGroupPolicy.html samples. The document is URL-encoded (RFC 3986),
 * as the API reference says of every policy document IAM returns.
 */
export const getInlinePolicy = (action: "GetUserPolicy" | "GetGroupPolicy", owner: { field: "UserName" | "GroupName"; name: string }, policyName: string, document: string) =>
  response(action, `${el(owner.field, owner.name)}${el("PolicyName", policyName)}${el("PolicyDocument", encodeURIComponent(document))}`);

/** API_ListAttachedUserPolicies.html / API_ListAttachedGroupPolicies.html samples: AttachedPolicies/member. */
export const listAttached = (action: "ListAttachedUserPolicies" | "ListAttachedGroupPolicies", policies: { name: string; arn: string }[]) =>
  response(action, `${members("AttachedPolicies", policies.map((p) => `${el("PolicyName", p.name)}${el("PolicyArn", p.arn)}`))}${page(undefined)}`);

/** API_GetPolicy.html sample: Policy with PolicyName, DefaultVersionId, PolicyId, Path, Arn, AttachmentCount, dates, IsAttachable. */
export const getPolicy = (p: { name: string; arn: string; id: string; defaultVersionId: string; attachments: number; createDate: Date }) =>
  response(
    "GetPolicy",
    `<Policy>${el("PolicyName", p.name)}${el("DefaultVersionId", p.defaultVersionId)}${el("PolicyId", p.id)}${el("Path", "/")}${el("Arn", p.arn)}${el("AttachmentCount", p.attachments)}${el("CreateDate", p.createDate)}${el("UpdateDate", p.createDate)}${el("IsAttachable", true)}</Policy>`,
  );

/** API_GetPolicyVersion.html sample: PolicyVersion with the URL-encoded Document, IsDefaultVersion, VersionId, CreateDate. */
export const getPolicyVersion = (document: string, versionId: string, createDate: Date) =>
  response("GetPolicyVersion", `<PolicyVersion>${el("Document", encodeURIComponent(document))}${el("IsDefaultVersion", true)}${el("VersionId", versionId)}${el("CreateDate", createDate)}</PolicyVersion>`);

/** API_ListGroupsForUser.html sample: Groups/member with Path, GroupName, GroupId, Arn, CreateDate. */
export const listGroupsForUser = (groups: { name: string; id: string; arn: string; createDate: Date }[]) =>
  response("ListGroupsForUser", `${members("Groups", groups.map((g) => `${el("Path", "/")}${el("GroupName", g.name)}${el("GroupId", g.id)}${el("Arn", g.arn)}${el("CreateDate", g.createDate)}`))}${page(undefined)}`);
