import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditDiff } from "@/components/audit/audit-diff";
import { AuditSummary } from "@/components/audit/audit-summary";
import { LastVerification } from "@/components/audit/last-verification";

const claim = { credential: "ci-token", before: { owner: null, team: "Platform" }, after: { owner: "olivia@example.com", team: "Platform" } };

describe("audit change views", () => {
  it("the log's compact summary leaves out a field equal on both sides", () => {
    const html = renderToStaticMarkup(createElement(AuditSummary, { summary: claim }));
    expect(html).toContain("owner");
    expect(html).toContain("olivia@example.com");
    expect(html).not.toContain("team");
    expect(html).toContain("ci-token");
  });

  it("the event detail lists changed fields only, null apart from absent", () => {
    const html = renderToStaticMarkup(createElement(AuditDiff, { summary: { ...claim, after: { ...claim.after, region: null } } }));
    expect(html).toContain('data-testid="diff-owner" data-kind="changed"');
    expect(html).toContain('data-testid="diff-region" data-kind="added"');
    expect(html).not.toContain("diff-team");
    expect(renderToStaticMarkup(createElement(AuditDiff, { summary: { before: { a: 1 }, after: { a: 1 } } }))).toContain("nothing changed");
  });

  it("the chain status names the first broken link and links to it", () => {
    const html = renderToStaticMarkup(
      createElement(LastVerification, {
        run: { seq: "900", time: "2026-12-05T10:00:00.000Z", actorLabel: "ann@example.com (auditor)", ok: false, count: 41, head: null, firstBreak: { seq: "42", reason: "hash_mismatch", detail: "event 42 was changed after it was written" } },
      }),
    );
    expect(html).toContain('data-state="broken"');
    expect(html).toContain('href="/audit/42"');
    expect(html).toContain("hash_mismatch");
    expect(html).toContain("ann@example.com");
    expect(renderToStaticMarkup(createElement(LastVerification, { run: null }))).toContain('data-state="never"');
  });
});
