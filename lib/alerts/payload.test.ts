import { describe, expect, it } from "vitest";
import { bodyFor, envelopeOf, slackMessage, type TAlert } from "./payload";

const alert: TAlert = {
  detector: "passthrough", severity: "high", score: 71.5,
  evidence: "presented to <!channel> & forwarded by <https://evil.example|click> to api.github.com",
  credential: { id: "c1", name: "agent token", provider: "GitHub", owner: null },
  detectedAt: "2026-12-05T21:00:00.000Z", link: "https://tokenward.example/alerts?factor=passthrough",
};
const envelope = envelopeOf("0193f5b2-0000-7000-8000-000000000001", alert);

describe("alert payloads", () => {
  it("webhook and SIEM carry the same object; SIEM as one newline-terminated JSON line", () => {
    const hook = bodyFor("webhook", envelope);
    expect(hook.contentType).toBe("application/json");
    expect(JSON.parse(hook.body)).toEqual({ event: "alert.raised", id: envelope.id, alert });
    const siem = bodyFor("siem", envelope);
    expect(siem.contentType).toBe("application/x-ndjson");
    expect(siem.body.split("\n")).toHaveLength(2);
    expect(siem.body.endsWith("\n")).toBe(true);
    expect(JSON.parse(siem.body)).toEqual(JSON.parse(hook.body));
    expect(envelopeOf("x", { ...alert, test: true }).event).toBe("alert.test");
  });

  it("Slack gets text + blocks within Block Kit limits, with its control characters escaped", () => {
    const m = slackMessage(envelope);
    expect(m.text).toContain("passthrough on agent token");
    expect(m.blocks.map((b) => b.type)).toEqual(["header", "section", "context"]);
    const section = m.blocks[1] as { text: { text: string }; fields: unknown[] };
    expect(section.text.text).not.toMatch(/<!channel>|<https:\/\/evil/);
    expect(section.text.text).toContain("&lt;!channel&gt; &amp; forwarded");
    expect(section.fields).toHaveLength(4);
    expect(JSON.stringify(m.blocks[2])).toContain("<https://tokenward.example/alerts?factor=passthrough|Triage in Tokenward>");
    const long = slackMessage(envelopeOf("y", { ...alert, credential: { ...alert.credential, name: "n".repeat(400) }, evidence: "e".repeat(5000) }));
    expect((long.blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(150);
    expect((long.blocks[1] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
  });
});
