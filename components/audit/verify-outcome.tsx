import type { TChainVerification } from "@/lib/audit/services/verify-audit-chain";
import { Alert } from "@/components/ui/alert";
import { formatUtc, shortHash } from "@/components/audit/format";

const count = new Intl.NumberFormat("en-US");

/** Break reasons that are about signatures rather than the hash chain: they get their own headline. */
const SIGNATURE_TITLES: Partial<Record<NonNullable<TChainVerification["firstBreak"]>["reason"], string>> = {
  checkpoint_mismatch: "Checkpoint mismatch: the chain was rewritten after it was signed",
  checkpoint_signature_invalid: "A checkpoint's signature is invalid",
  checkpoint_unknown_key: "A checkpoint is signed by an unknown key",
  checkpoint_chain_broken: "Checkpoints were removed or reordered",
  checkpoint_beyond_head: "Events after a signed checkpoint were removed",
};

function Signatures({ data }: { data: TChainVerification }) {
  const { signatures } = data;
  if (signatures.status === "unsigned") {
    return (
      <Alert tone="warning" title="Signatures: none to check" data-testid="verify-signatures" data-state="unsigned">
        No signed checkpoint exists, so only the hashes were checked; a rewrite that re-hashes the chain would pass.
      </Alert>
    );
  }
  const last = signatures.lastCheckpoint!;
  return (
    <Alert tone="success" title={`Signatures verified: ${count.format(signatures.checkpoints)} checkpoints`} data-testid="verify-signatures" data-state="verified">
      Newest #{last.seq}, {formatUtc(last.signedAt)}, key <span className="font-mono text-xs">{last.keyId}</span>.
      {signatures.unsignedTail > 0 ? ` ${count.format(signatures.unsignedTail)} newer events are covered by the hash chain only until the next checkpoint.` : ""}
    </Alert>
  );
}

export function VerifyOutcome({ data }: { data: TChainVerification }) {
  if (data.ok) {
    const events = `${count.format(data.count)} ${data.count === 1 ? "event" : "events"}`;
    return (
      <div className="flex flex-col gap-2">
        <Alert tone="success" title={data.head ? `Chain intact: ${events}, head #${data.head.seq}` : "Chain intact: no events yet"}>
          {data.head ? (
            <span className="font-mono text-xs" title={data.head.hash}>
              head hash {shortHash(data.head.hash, 24)}
            </span>
          ) : null}
        </Alert>
        {data.head ? <Signatures data={data} /> : null}
      </div>
    );
  }
  const brk = data.firstBreak;
  const signatureTitle = brk ? SIGNATURE_TITLES[brk.reason] : undefined;
  return (
    <Alert
      tone="danger"
      title={brk ? `${signatureTitle ?? "Chain broken"} (event #${brk.seq})` : "Chain broken"}
      data-testid="verify-break"
      data-reason={brk?.reason}
    >
      {brk ? (
        <>
          <span className="font-medium text-foreground">{brk.reason}</span>
          {brk.detail ? <span className="block font-mono text-xs">{brk.detail}</span> : null}
        </>
      ) : null}
      <span className="block">
        {count.format(data.count)} events checked
        {data.signatures.lastCheckpoint ? `, last good checkpoint #${data.signatures.lastCheckpoint.seq}` : ""}. Export the trail and investigate before relying on it.
      </span>
    </Alert>
  );
}
