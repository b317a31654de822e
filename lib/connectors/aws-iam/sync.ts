import { ListUsersCommand, ListUserTagsCommand } from "@aws-sdk/client-iam";
import { z } from "zod";
import type { TSyncItem } from "../contract";
import { hintOf } from "../fingerprint";
import { collectPages, openIam, pages, type TIam, type TIamContext } from "./client";
import { inventoryStatus, isNoSuchEntity, lastUse, listKeys, type TLastUse } from "./keys";
import { PolicyReader } from "./policies";

/**
 * Sync: every IAM user (under the path prefix, matching the name filter) as an identity, each of
 * its access keys as a credential. Users are read a page at a time (ListUsers, 100 per page) and
 * yielded user by user, so memory does not grow with the account.
 *
 * Users are service_account identities: an IAM user is the account's principal for programmatic
 * access, and IAM cannot say whether an agent, a CI job or a person's script holds its keys. The
 * identity's external id is the user id (AIDA…), which survives a rename; its name is the user name.
 */

export const ZIamUser = z.object({ UserName: z.string().min(1), UserId: z.string().min(1), Arn: z.string().min(1), Path: z.string(), CreateDate: z.date() });
export const ZListUsers = z.object({ Users: z.array(ZIamUser), IsTruncated: z.boolean(), Marker: z.string().optional() });
const ZTags = z.object({ Tags: z.array(z.object({ Key: z.string(), Value: z.string() })), IsTruncated: z.boolean(), Marker: z.string().optional() });

const OWNER_TAGS = new Set(["owner", "owner-email", "owner_email", "owneremail", "email"]);
const EMAIL = z.email();

/** The first owner-like tag (owner, Owner, owner-email, email…) whose value is an e-mail address. */
export function ownerEmailOf(tags: { Key: string; Value: string }[]): string | undefined {
  return tags.map((t) => ({ key: t.Key.toLowerCase(), value: t.Value.trim() })).find((t) => OWNER_TAGS.has(t.key) && EMAIL.safeParse(t.value).success)?.value;
}

/** `*` matches any run of characters; IAM user names are unique regardless of case, so is this. */
export function nameMatches(filter: string | undefined, userName: string): boolean {
  if (!filter) return true;
  const source = filter.split("*").map((part) => part.replace(/[.+^${}()|[\]\\?]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`, "i").test(userName);
}

async function userItems(iam: TIam, reader: PolicyReader, user: z.infer<typeof ZIamUser>): Promise<TSyncItem[]> {
  const [keys, tags] = await Promise.all([
    listKeys(iam, user.UserName),
    collectPages((Marker) => iam.send("ListUserTags", new ListUserTagsCommand({ UserName: user.UserName, Marker }), ZTags), (p) => p.Tags),
  ]);
  // Permissions become the keys' scopes: a user without keys (a console-only person) costs no policy reads.
  const permissions = keys.length > 0 ? await reader.forUser(user.UserName) : undefined;
  // A key deleted between the listing and this read is simply gone: the sweep marks it so.
  const uses = await Promise.all(
    keys.map((k) =>
      lastUse(iam, k.AccessKeyId).catch((error: unknown): TLastUse | null => {
        if (isNoSuchEntity(error)) return null;
        throw error;
      }),
    ),
  );
  const ownerEmail = ownerEmailOf(tags);
  const items: TSyncItem[] = [
    {
      kind: "identity",
      externalId: user.UserId,
      name: user.UserName,
      identityKind: "service_account",
      ownerEmail,
      metadata: {
        arn: user.Arn,
        path: user.Path,
        createdAt: user.CreateDate.toISOString(),
        tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
        policies: permissions ? { attached: permissions.attached, inline: permissions.inline, groups: permissions.groups } : null,
      },
    },
  ];
  keys.forEach((key, i) => {
    const use = uses[i];
    if (use === null || use === undefined) return;
    items.push({
      kind: "credential",
      externalId: key.AccessKeyId,
      name: `${user.UserName} / ${key.AccessKeyId}`,
      credentialKind: "cloud_access_key",
      identityExternalId: user.UserId,
      ownerEmail,
      scopes: permissions!.scopes,
      status: inventoryStatus(key.Status),
      issuedAt: key.CreateDate,
      lastUsedAt: use.at,
      // The access key id, not the secret: Tokenward never sees a synced key's secret, and the id
      // is what AWS's console and CloudTrail show.
      hint: hintOf(key.AccessKeyId),
      metadata: { userName: user.UserName, awsStatus: key.Status, lastUsedService: use.service ?? null, lastUsedRegion: use.region ?? null, hintOf: "access key id" },
    });
  });
  return items;
}

export async function* syncIam(ctx: TIamContext): AsyncGenerator<TSyncItem> {
  const iam = openIam(ctx, "stream");
  const reader = new PolicyReader(iam);
  let seen = 0;
  try {
    const list = (Marker: string | undefined) => iam.send("ListUsers", new ListUsersCommand({ PathPrefix: ctx.config.pathPrefix, Marker, MaxItems: 100 }), ZListUsers);
    for await (const page of pages(list)) {
      for (const user of page.Users) {
        if (!nameMatches(ctx.config.userNameFilter, user.UserName)) continue;
        let items: TSyncItem[];
        try {
          items = await userItems(iam, reader, user);
        } catch (error) {
          // Deleted between ListUsers and reading it: not an error, and its keys are gone with it.
          if (!isNoSuchEntity(error)) throw error;
          items = [{ kind: "warning", message: `IAM user ${user.UserName} was deleted during the sync; its keys are marked gone upstream.` }];
        }
        yield* items;
        yield { kind: "progress", seen: ++seen };
      }
    }
  } finally {
    iam.close();
  }
}
