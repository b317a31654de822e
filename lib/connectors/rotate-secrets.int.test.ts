import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { rotateConnectorSecrets } from "./rotate-secrets";
import { decryptSecret, encryptSecret, envelopeKeyId } from "./secrets";

let database: TTestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.dispose());

const oldKey = { id: "old", key: randomBytes(32) };
const newKey = { id: "new", key: randomBytes(32) };

it("re-encrypts every secret under the current key; a second run changes nothing; old keys can then go", async () => {
  const ids = [randomUUID(), randomUUID()];
  for (const [n, id] of ids.entries()) {
    await database.prisma.provider.create({ data: { id, name: `rot ${n}`, type: "oauth", encryptedCredentials: encryptSecret({ clientSecret: `s${n}` }, id, [oldKey]) } });
  }
  expect(await rotateConnectorSecrets(database.prisma, [newKey, oldKey])).toEqual({ total: 2, rotated: 2, current: "new" });
  for (const [n, id] of ids.entries()) {
    const row = await database.prisma.provider.findUniqueOrThrow({ where: { id } });
    expect(envelopeKeyId(row.encryptedCredentials!)).toBe("new");
    expect(decryptSecret(row.encryptedCredentials!, id, [newKey])).toEqual({ clientSecret: `s${n}` });
  }
  expect(await rotateConnectorSecrets(database.prisma, [newKey])).toEqual({ total: 2, rotated: 0, current: "new" });
});

it("rolls back entirely when one secret cannot be decrypted", async () => {
  const stranger = { id: "stranger", key: randomBytes(32) };
  const a = randomUUID();
  const b = randomUUID();
  await database.prisma.provider.create({ data: { id: a, name: "ok one", type: "oauth", encryptedCredentials: encryptSecret({ x: 1 }, a, [oldKey]) } });
  await database.prisma.provider.create({ data: { id: b, name: "lost key", type: "oauth", encryptedCredentials: encryptSecret({ x: 2 }, b, [stranger]) } });
  const before = await database.prisma.provider.findUniqueOrThrow({ where: { id: a } });
  await expect(rotateConnectorSecrets(database.prisma, [newKey, oldKey])).rejects.toThrow(/key "stranger"/);
  expect((await database.prisma.provider.findUniqueOrThrow({ where: { id: a } })).encryptedCredentials).toBe(before.encryptedCredentials);
});

it("re-encrypts the values workflows hold too, each still bound to its workflow and purpose", async () => {
  await database.prisma.provider.deleteMany({ where: { name: "lost key" } });
  const provider = await database.prisma.provider.create({ data: { name: "wf provider", type: "oauth" } });
  const credential = await database.prisma.credential.create({ data: { name: "wf cred", kind: "oauth_access_token", providerId: provider.id } });
  const id = randomUUID();
  await database.prisma.workflow.create({
    data: {
      id, kind: "rotation", state: "awaiting_cutover", credentialId: credential.id, providerId: provider.id, requestedByLabel: "test",
      pendingSecret: encryptSecret({ value: "new-secret" }, `workflow:${id}:new`, [oldKey]),
      oldSecret: encryptSecret({ value: "old-secret" }, `workflow:${id}:old`, [oldKey]),
    },
  });
  await rotateConnectorSecrets(database.prisma, [newKey, oldKey]);
  const row = await database.prisma.workflow.findUniqueOrThrow({ where: { id } });
  expect([envelopeKeyId(row.pendingSecret!), envelopeKeyId(row.oldSecret!)]).toEqual(["new", "new"]);
  expect(decryptSecret(row.pendingSecret!, `workflow:${id}:new`, [newKey])).toEqual({ value: "new-secret" });
  expect(decryptSecret(row.oldSecret!, `workflow:${id}:old`, [newKey])).toEqual({ value: "old-secret" });
  // Swapped purposes do not decrypt: a held old value cannot be passed off as the new one.
  expect(() => decryptSecret(row.oldSecret!, `workflow:${id}:new`, [newKey])).toThrow(/failed authentication/);
});
