import { CONNECTORS } from "../registry";
import { startIamPeer } from "../testing/aws-iam-peer";
import { createKey, createUsers, deleteKey, peerContext } from "../testing/aws-iam-seed";
import { runConnectorContractSuite } from "../testing/contract-suite";

const SUBJECT = "contract-subject";

runConnectorContractSuite("aws_iam (emulate + recorded)", CONNECTORS.aws_iam, {
  setup: async () => {
    const peer = await startIamPeer();
    await createUsers(peer, [SUBJECT], "/contract/");
    peer.state.putUserPolicy(SUBJECT, "read-objects", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "*" }] });
    const owners = new Map<string, string>();
    let seeds = 0;
    return {
      ctx: peerContext(peer),
      atBaseUrl: (url) => peerContext(peer, { endpoint: url }),
      wrongSecret: peerContext(peer, {}, { secretAccessKey: "0".repeat(40) }),
      issueRequest: { scopes: ["s3:GetObject"], subject: SUBJECT },
      // Well-formed, never issued: AWS answers NoSuchEntity for it.
      unknownCredential: { externalId: "AKIAZZZZZZZZZZZZZZZZ" },
      issuedCredentialsExpire: false,
      sync: {
        // Each seed's users live under their own path, so a sync sees exactly them (not emulate's admin).
        seed: async (count) => {
          const path = `/seed-${++seeds}/`;
          const names = Array.from({ length: count }, (_, i) => `seed-${seeds}-user-${i}`);
          await createUsers(peer, names, path);
          const keys = [];
          for (const name of names) {
            const key = await createKey(peer, name);
            owners.set(key.accessKeyId, name);
            keys.push(key);
          }
          return { ctx: peerContext(peer, { pathPrefix: path }), credentialIds: keys.map((k) => k.accessKeyId), secrets: keys.map((k) => k.secretAccessKey) };
        },
        remove: (id) => deleteKey(peer, owners.get(id)!, id),
      },
      close: peer.close,
    };
  },
});
