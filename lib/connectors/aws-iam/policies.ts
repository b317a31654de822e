import {
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
} from "@aws-sdk/client-iam";
import { z } from "zod";
import { collectPages, type TIam } from "./client";
import { allowedActions, normaliseScopes } from "./policy-document";

/**
 * A user's permissions as IAM stores them: inline policies, attached managed policies, and the
 * same two for each group the user is in (permissions boundaries and SCPs only narrow these and are
 * not read). Managed policies and groups are shared across users, so one reader (one sync) reads
 * each once: an account's policies and groups are bounded (IAM quotas), its users need not be.
 */

const ZPaged = { IsTruncated: z.boolean(), Marker: z.string().optional() };
const ZNames = z.object({ PolicyNames: z.array(z.string()), ...ZPaged });
const ZAttached = z.object({ AttachedPolicies: z.array(z.object({ PolicyName: z.string().optional(), PolicyArn: z.string().min(1) })), ...ZPaged });
const ZGroups = z.object({ Groups: z.array(z.object({ GroupName: z.string().min(1) })), ...ZPaged });
const ZInline = z.object({ PolicyDocument: z.string().min(1) });
const ZPolicy = z.object({ Policy: z.object({ DefaultVersionId: z.string().min(1) }) });
const ZVersion = z.object({ PolicyVersion: z.object({ Document: z.string().min(1) }) });

/** `scopes` include what the user's groups grant; the names are the user's own policies and its groups. */
export type TUserPermissions = { scopes: string[]; inline: string[]; attached: string[]; groups: string[] };
type TGrant = { actions: string[]; attached: string[]; inline: string[] };

export class PolicyReader {
  private readonly managed = new Map<string, Promise<string[]>>();
  private readonly groups = new Map<string, Promise<TGrant>>();

  constructor(private readonly iam: TIam) {}

  private managedActions(arn: string): Promise<string[]> {
    let actions = this.managed.get(arn);
    if (!actions) {
      actions = (async () => {
        const { Policy } = await this.iam.send("GetPolicy", new GetPolicyCommand({ PolicyArn: arn }), ZPolicy);
        const { PolicyVersion } = await this.iam.send("GetPolicyVersion", new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy.DefaultVersionId }), ZVersion);
        return allowedActions(PolicyVersion.Document, `managed policy ${arn}`);
      })();
      this.managed.set(arn, actions);
    }
    return actions;
  }

  private async attachedAndInline(
    attached: () => Promise<z.infer<typeof ZAttached>["AttachedPolicies"]>,
    inlineNames: () => Promise<string[]>,
    inlineDocument: (name: string) => Promise<string>,
    owner: string,
  ): Promise<TGrant> {
    const [policies, names] = await Promise.all([attached(), inlineNames()]);
    const managed = await Promise.all(policies.map((p) => this.managedActions(p.PolicyArn)));
    const inline = await Promise.all(names.map(async (name) => allowedActions(await inlineDocument(name), `inline policy ${name} of ${owner}`)));
    return { actions: [...managed.flat(), ...inline.flat()], attached: policies.map((p) => p.PolicyName ?? p.PolicyArn), inline: names };
  }

  private group(name: string): Promise<TGrant> {
    let grant = this.groups.get(name);
    if (!grant) {
      const iam = this.iam;
      grant = this.attachedAndInline(
        () => collectPages((Marker) => iam.send("ListAttachedGroupPolicies", new ListAttachedGroupPoliciesCommand({ GroupName: name, Marker }), ZAttached), (p) => p.AttachedPolicies),
        () => collectPages((Marker) => iam.send("ListGroupPolicies", new ListGroupPoliciesCommand({ GroupName: name, Marker }), ZNames), (p) => p.PolicyNames),
        async (policy) => (await iam.send("GetGroupPolicy", new GetGroupPolicyCommand({ GroupName: name, PolicyName: policy }), ZInline)).PolicyDocument,
        `group ${name}`,
      );
      this.groups.set(name, grant);
    }
    return grant;
  }

  async forUser(userName: string): Promise<TUserPermissions> {
    const iam = this.iam;
    const [own, groupNames] = await Promise.all([
      this.attachedAndInline(
        () => collectPages((Marker) => iam.send("ListAttachedUserPolicies", new ListAttachedUserPoliciesCommand({ UserName: userName, Marker }), ZAttached), (p) => p.AttachedPolicies),
        () => collectPages((Marker) => iam.send("ListUserPolicies", new ListUserPoliciesCommand({ UserName: userName, Marker }), ZNames), (p) => p.PolicyNames),
        async (policy) => (await iam.send("GetUserPolicy", new GetUserPolicyCommand({ UserName: userName, PolicyName: policy }), ZInline)).PolicyDocument,
        `user ${userName}`,
      ),
      collectPages((Marker) => iam.send("ListGroupsForUser", new ListGroupsForUserCommand({ UserName: userName, Marker }), ZGroups), (p) => p.Groups.map((g) => g.GroupName)),
    ]);
    const groups = await Promise.all(groupNames.map((name) => this.group(name)));
    return {
      scopes: normaliseScopes([...own.actions, ...groups.flatMap((g) => g.actions)]),
      inline: own.inline,
      attached: own.attached,
      groups: groupNames,
    };
  }
}
