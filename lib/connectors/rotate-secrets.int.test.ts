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
