import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TChainVerification } from "@/lib/audit/services/verify-audit-chain";
import type { TAuditSigningStatus } from "@/lib/audit/signing-status";
import { SigningStatus } from "@/components/audit/signing-status";
import { VerifyOutcome } from "@/components/audit/verify-outcome";

/** What the audit page shows for states an e2e run (one signed app) cannot reach. */

const signed: TAuditSigningStatus = { mode: "signed", keyId: "k-2026", allowUnsigned: false, every: 100, checkpoints: 3, lastCheckpoint: { seq: "300", signedAt: "2026-12-04T10:00:00.000Z", keyId: "k-2026" } };

function renderStatus(status: TAuditSigningStatus): string {
  const client = new QueryClient();
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(SigningStatus, { initial: status })));
}

describe("audit signing status", () => {
  it("shows the key id and the newest checkpoint, without a warning, when signed", () => {
    const html = renderStatus(signed);
    expect(html).toContain('data-mode="signed"');
    expect(html).toContain("k-2026");
    expect(html).toContain("#300");
    expect(html).toContain("2026-12-04 10:00:00 UTC");
    expect(html).not.toContain("unsigned-warning");
  });

  it("warns loudly when the app runs unsigned by TOKENWARD_AUDIT_ALLOW_UNSIGNED", () => {
    const html = renderStatus({ ...signed, mode: "unsigned", keyId: null, allowUnsigned: true, checkpoints: 0, lastCheckpoint: null });
    expect(html).toContain('data-testid="unsigned-warning"');
    expect(html).toContain("The audit trail is not signed");
    expect(html).toContain("TOKENWARD_AUDIT_ALLOW_UNSIGNED is set");
  });

  it("says when the newest checkpoint was signed by a retired key", () => {
    expect(renderStatus({ ...signed, keyId: "k-2027" })).toContain("signed by an earlier key");
  });
});

describe("verification outcome", () => {
  const base = { count: 300, head: { seq: "300", hash: "a".repeat(64) }, firstBreak: null, signatures: { status: "signed" as const, checkpoints: 3, lastCheckpoint: signed.lastCheckpoint, unsignedTail: 0 } };

  it("reports verified signatures", () => {
    const html = renderToStaticMarkup(createElement(VerifyOutcome, { data: { ...base, ok: true } satisfies TChainVerification }));
    expect(html).toContain('data-state="verified"');
    expect(html).toContain("Signatures verified: 3 checkpoints");
  });

  it("names a checkpoint mismatch, not just a broken chain", () => {
    const data: TChainVerification = {
      ...base,
      ok: false,
      firstBreak: { seq: "200", reason: "checkpoint_mismatch", detail: "events 101–200 were rewritten and re-hashed" },
      signatures: { ...base.signatures, checkpoints: 1, lastCheckpoint: { ...signed.lastCheckpoint!, seq: "100" } },
    };
    const html = renderToStaticMarkup(createElement(VerifyOutcome, { data }));
    expect(html).toContain('data-reason="checkpoint_mismatch"');
    expect(html).toContain("Checkpoint mismatch: the chain was rewritten after it was signed (event #200)");
    expect(html).toContain("events 101–200 were rewritten");
    expect(html).toContain("last good checkpoint #100");
  });

  it("warns that an unsigned chain's verification checked hashes only", () => {
    const data: TChainVerification = { ...base, ok: true, signatures: { status: "unsigned", checkpoints: 0, lastCheckpoint: null, unsignedTail: 300 } };
    expect(renderToStaticMarkup(createElement(VerifyOutcome, { data }))).toContain('data-state="unsigned"');
  });
});
