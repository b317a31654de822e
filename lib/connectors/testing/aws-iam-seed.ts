import { CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, IAMClient } from "@aws-sdk/client-iam";
import type { TConnectorContext } from "../contract";
import { ZAwsIamConfig, type TAwsIamConfig, type TAwsIamSecret } from "../aws-iam/config";
import type { TIamPeer } from "./aws-iam-peer";

/**
 * How tests put users and keys into the IAM peer: through the front, signed with emulate's admin
 * key, as an AWS admin would with the SDK. Not the connector's code path: what the connector then
 * reads back is what is being tested.
 */

export type TPeerCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export function iamAs(peer: TIamPeer, credentials: TPeerCredentials = peer.admin): IAMClient {
  return new IAMClient({ region: "us-east-1", endpoint: peer.url, maxAttempts: 1, credentials, ignoreConfiguredEndpointUrls: true });
}

export function peerContext(peer: TIamPeer, config: Partial<TAwsIamConfig> = {}, secret: Partial<TAwsIamSecret> = {}): TConnectorContext<TAwsIamConfig, TAwsIamSecret> {
  return {
    config: ZAwsIamConfig.parse({ accountId: peer.accountId, endpoint: peer.url, ...config }),
    secret: { accessKeyId: peer.admin.accessKeyId, secretAccessKey: peer.admin.secretAccessKey, ...secret },
    timeoutMs: 5000,
  };
}

export async function createUsers(peer: TIamPeer, names: string[], path = "/"): Promise<void> {
  const iam = iamAs(peer);
  try {
    for (const name of names) await iam.send(new CreateUserCommand({ UserName: name, Path: path }));
  } finally {
    iam.destroy();
  }
}

export async function createKey(peer: TIamPeer, userName: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const iam = iamAs(peer);
  try {
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  } finally {
    iam.destroy();
  }
}

export async function deleteKey(peer: TIamPeer, userName: string, accessKeyId: string): Promise<void> {
  const iam = iamAs(peer);
  try {
    await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }));
  } finally {
    iam.destroy();
  }
}
