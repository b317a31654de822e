import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { resetEnvCache } from "@/lib/env";
import { sendEmailNotices } from "@/lib/notifications/services/send-email-notices";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { requestWorkflowOperation } from "@/lib/workflows/operations";
import { connectedProvider, connectorKeys, realToken } from "@/lib/workflows/testing/workflow-fixture";

/** E-mail notices through a real SMTP server (smtp-server) started by the test. */

/** The message as a reader sees it: quoted-printable body and RFC 2047 subject undone. */
function decoded(raw: string): string {
  const qp = (s: string) => Buffer.from(s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  const words = raw.replace(/\?=\r?\n\s+=\?UTF-8\?Q\?/gi, "").replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, w: string) => qp(w.replace(/_/g, " ")));
  return qp(words);
}

type TMail = { from: string; to: string[]; data: string };
let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let peer: Awaited<ReturnType<typeof startOAuthPeer>>;
let smtp: SMTPServer;
let port: number;
const inbox: TMail[] = [];
let refuse: string | null = null;
const saved = { ...process.env };

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (refuse && address.address === refuse) return callback(new Error("550 mailbox unavailable"));
      callback();
    },
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  process.env.AUTH_URL = "https://tokenward.example.test";
  process.env.TOKENWARD_MAIL_FROM = "Tokenward <noreply@example.test>";
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  peer = await startOAuthPeer();
});
afterAll(async () => {
  await peer?.close();
  await database?.dispose();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  process.env = saved;
  resetEnvCache();
});
beforeEach(() => {
  inbox.length = 0;
  refuse = null;
  process.env.TOKENWARD_SMTP_URL = `smtp://127.0.0.1:${port}`;
  resetEnvCache();
});

describe("e-mail notices", () => {
  it("mails the approver of a real request once, with a link into the app and no secret", async () => {
    const providerId = await connectedProvider(database.prisma, actors.admin, peer.issuer);
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id });
    const requested = await executeOperation(database.prisma, requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "rotation", currentValue: value });
    if (!requested.ok) throw new Error(requested.error.message);
    // A notice that asks nothing of its reader is not mailed.
    await database.prisma.notification.create({ data: { recipientId: actors.owner.id, kind: "ownership.assigned", targetType: "credential", title: "x was assigned to you", href: "/inventory" } });

    expect(await sendEmailNotices(database.prisma)).toEqual({ sent: 1, failed: 0, skipped: null });
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.to).toEqual([actors.owner.email]);
    expect(mail.from).toBe("noreply@example.test");
    const text = decoded(mail.data);
    expect(text).toMatch(/Subject: \[Tokenward\] Rotation of .* needs your approval/);
    expect(text).toContain(`Open it in Tokenward: https://tokenward.example.test/workflows/${requested.data.id}`);
    expect(mail.data).not.toContain(value);
    // Once: a second run sends nothing.
    expect(await sendEmailNotices(database.prisma)).toEqual({ sent: 0, failed: 0, skipped: null });
  });

  it("a relay that refuses keeps the notice pending with the relay's words; no relay configured sends nothing", async () => {
    const n = await database.prisma.notification.create({ data: { recipientId: actors.auditor.id, kind: "workflow.failed", targetType: "workflow", title: "A revocation needs attention", href: "/workflows" } });
    refuse = actors.auditor.email;
    const first = await sendEmailNotices(database.prisma);
    expect(first.failed).toBe(1);
    expect(await database.prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ emailedAt: null, emailError: expect.stringMatching(/550|mailbox/) });
    refuse = null;
    expect((await sendEmailNotices(database.prisma)).sent).toBe(1);
    expect((await database.prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).emailedAt).toBeInstanceOf(Date);

    delete process.env.TOKENWARD_SMTP_URL;
    resetEnvCache();
    await database.prisma.notification.create({ data: { recipientId: actors.admin.id, kind: "workflow.failed", targetType: "workflow", title: "another", href: "/workflows" } });
    expect(await sendEmailNotices(database.prisma)).toEqual({ sent: 0, failed: 0, skipped: "no-smtp" });
    expect(inbox.filter((m) => m.to.includes(actors.admin.email))).toHaveLength(0);
  });

  it("refuses a relay URL that is not SMTP", async () => {
    process.env.TOKENWARD_SMTP_URL = "http://127.0.0.1:25";
    resetEnvCache();
    await expect(sendEmailNotices(database.prisma)).rejects.toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});
