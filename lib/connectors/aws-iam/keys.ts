import { CreateAccessKeyCommand, GetAccessKeyLastUsedCommand, ListAccessKeysCommand } from "@aws-sdk/client-iam";
import { z } from "zod";
import { ProviderError } from "../provider-error";
import { collectPages, type TIam } from "./client";

/**
 * Access keys: their AWS status in the inventory's terms, their last use, and finding a key's user.
 * IAM names a key by its id alone only in GetAccessKeyLastUsed (which also returns the owner's user
 * name); every other key operation needs the user, so that is how a key named by id is located.
 */

export const ZAwsKeyStatus = z.enum(["Active", "Inactive", "Expired"]);

const ZKeyMetadata = z.object({ UserName: z.string().min(1), AccessKeyId: z.string().min(16), Status: ZAwsKeyStatus, CreateDate: z.date().optional() });
export type TKeyMetadata = z.infer<typeof ZKeyMetadata>;
const ZListAccessKeys = z.object({ AccessKeyMetadata: z.array(ZKeyMetadata), IsTruncated: z.boolean(), Marker: z.string().optional() });

const ZLastUsed = z.object({
  UserName: z.string().min(1).optional(),
  AccessKeyLastUsed: z.object({ LastUsedDate: z.date().optional(), ServiceName: z.string(), Region: z.string() }),
});
export type TLastUse = { at?: Date; service?: string; region?: string };

const ZCreated = z.object({ AccessKey: z.object({ UserName: z.string(), AccessKeyId: z.string().min(16), SecretAccessKey: z.string().min(1), Status: ZAwsKeyStatus, CreateDate: z.date().optional() }) });

/**
 * Inactive is "disabled", not "revoked": the key still exists, still counts towards the user's two,
 * and one UpdateAccessKey makes it work again. Revoked is for a key AWS no longer has (deleted,
 * which the sync sees as gone upstream). Expired is AWS's status for credentials with an expiry.
 */
export function inventoryStatus(status: z.infer<typeof ZAwsKeyStatus>): "active" | "disabled" | "expired" {
  return status === "Active" ? "active" : status === "Inactive" ? "disabled" : "expired";
}

/** AWS writes "N/A" for the service and region of a key never used (and then sends no date). */
export function lastUseOf(answer: z.infer<typeof ZLastUsed>["AccessKeyLastUsed"]): TLastUse {
  const known = (value: string) => (value && value !== "N/A" ? value : undefined);
  return { at: answer.LastUsedDate, service: known(answer.ServiceName), region: known(answer.Region) };
}

export async function listKeys(iam: TIam, userName: string): Promise<TKeyMetadata[]> {
  return collectPages(
    (Marker) => iam.send("ListAccessKeys", new ListAccessKeysCommand({ UserName: userName, Marker }), ZListAccessKeys),
    (page) => page.AccessKeyMetadata,
  );
}

export async function lastUse(iam: TIam, accessKeyId: string): Promise<TLastUse & { userName?: string }> {
  const answer = await iam.send("GetAccessKeyLastUsed", new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }), ZLastUsed);
  return { ...lastUseOf(answer.AccessKeyLastUsed), userName: answer.UserName };
}

export function isNoSuchEntity(error: unknown): error is ProviderError {
  return error instanceof ProviderError && error.providerMessage?.startsWith("NoSuchEntity:") === true;
}

/**
 * The key and its user, or null when AWS says the key does not exist (NoSuchEntity: deleted, or
 * never issued in this account). AWS may answer AccessDenied instead for a key of another account;
 * that stays an error, since it cannot be told apart from a missing permission.
 */
export async function locateKey(iam: TIam, accessKeyId: string): Promise<{ userName: string; key: TKeyMetadata; lastUse: TLastUse } | null> {
  let found: Awaited<ReturnType<typeof lastUse>>;
  try {
    found = await lastUse(iam, accessKeyId);
  } catch (error) {
    if (isNoSuchEntity(error)) return null;
    throw error;
  }
  if (!found.userName) return null;
  const key = (await listKeys(iam, found.userName)).find((k) => k.AccessKeyId === accessKeyId);
  return key ? { userName: found.userName, key, lastUse: found } : null;
}

export function noSuchUser(userName: string, cause: ProviderError): ProviderError {
  return new ProviderError("config", `There is no IAM user named ${userName} in this account.`, { retryable: false, status: cause.status, providerMessage: cause.providerMessage });
}

/** CreateAccessKey, with AWS's two-key quota turned into what to do about it. */
export async function createKey(iam: TIam, userName: string): Promise<z.infer<typeof ZCreated>["AccessKey"]> {
  try {
    return (await iam.send("CreateAccessKey", new CreateAccessKeyCommand({ UserName: userName }), ZCreated)).AccessKey;
  } catch (error) {
    if (error instanceof ProviderError && error.providerMessage?.startsWith("LimitExceeded:")) {
      throw new ProviderError(
        "http",
        `IAM user ${userName} already has two access keys, AWS's limit (Inactive keys count too): revoke (deactivate and delete) one of them first. AWS said: ${error.providerMessage}`,
        { retryable: false, status: error.status, providerMessage: error.providerMessage },
      );
    }
    if (isNoSuchEntity(error)) throw noSuchUser(userName, error);
    throw error;
  }
}
