import { z } from "zod";
import { FINGERPRINT_PATTERN } from "@/lib/connectors/fingerprint";
import { REPORT_LIMITS } from "@/lib/discovery/limits";
import {
  CONFIDENCES, CONFIG_FORMATS, DETECTOR_IDS, DETECTOR_META, LOCATIONS, PROVIDER_HINTS, REFERENCE_KINDS, SCAN_CREDENTIAL_KINDS, TRANSPORTS,
} from "@/lib/discovery/vocabulary";

/**
 * THE scan report: what `npm run scan` writes and what the ingestion API (POST /api/v1/scans) will
 * accept. Built to be parsed from an untrusted sender: every object is strict, every list and
 * string bounded, fingerprints must be fingerprints, and the report must agree with itself (totals,
 * a detector's fixed kind and provider). It carries no secret: a credential is its fingerprint,
 * a four-character hint and where it was found.
 */

const L = REPORT_LIMITS.text;

// Control and bidirectional-override characters would let a hostile file forge what a reviewer
// reads on a page; the scanner escapes them (emit.ts), ingestion refuses them.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const text = (max: number, what: string) =>
  z.string({ error: `${what} must be text` })
    .max(max, `${what} must have at most ${max} characters`)
    .refine((s) => !UNSAFE_TEXT.test(s), `${what} must not contain control or bidirectional-override characters`);
const nonEmpty = (max: number, what: string) => text(max, what).refine((s) => s.length > 0, `${what} is required`);

/** A path relative to the scan root, with forward slashes: a report never names the sender's absolute layout twice. */
export const ZRelativePath = nonEmpty(L.path, "File path").refine(
  (p) => !/^([/\\]|[A-Za-z]:)/.test(p) && !p.split("/").includes("..") && !p.includes("\\"),
  "File path must be relative to the scanned root (no leading /, no .., forward slashes)",
);

export const ZFinding = z.strictObject({
  keyPath: nonEmpty(L.keyPath, "Key path"),
  location: z.enum(LOCATIONS, { error: `Location must be one of: ${LOCATIONS.join(", ")}` }),
  detector: z.enum(DETECTOR_IDS, { error: "Detector must be one of the scanner's detectors" }),
  credentialKind: z.enum(SCAN_CREDENTIAL_KINDS, { error: `Credential kind must be one of: ${SCAN_CREDENTIAL_KINDS.join(", ")}` }),
  providerHint: z.enum(PROVIDER_HINTS, { error: `Provider hint must be one of: ${PROVIDER_HINTS.join(", ")}` }),
  fingerprint: z.string({ error: "Fingerprint must be text" }).regex(FINGERPRINT_PATTERN, "Fingerprint must be sha256: and 64 lowercase hex digits"),
  /** The last four characters, or "" for a secret too short to show any of it. */
  hint: z.string({ error: "Hint must be text" }).regex(/^[\x21-\x7e]{0,4}$/, "Hint must be at most 4 printable ASCII characters"),
  confidence: z.enum(CONFIDENCES, { error: `Confidence must be one of: ${CONFIDENCES.join(", ")}` }),
  /** The provider's public id of the credential (an AWS access key id), so ingestion can match a synced key. */
  externalId: z.string({ error: "External id must be text" }).regex(/^[A-Z0-9]{16,128}$/, "External id must be 16–128 capital letters and digits").optional(),
});

export const ZReference = z.strictObject({
  keyPath: nonEmpty(L.keyPath, "Key path"),
  reference: z.string({ error: "Reference must be text" }).regex(
    /^\$\{(?:(?:env|input):)?[A-Za-z_][\w.-]{0,127}\}$|^\$[A-Za-z_]\w{0,127}$/,
    "Reference must be ${VAR}, ${env:VAR}, ${input:id} or $VAR",
  ),
  kind: z.enum(REFERENCE_KINDS, { error: `Reference kind must be one of: ${REFERENCE_KINDS.join(", ")}` }),
  /** `${VAR:-default}`: the default is not recorded (it may be a literal secret; if so it is a finding). */
  hasDefault: z.boolean({ error: "Has default must be yes or no" }).optional(),
}).refine((r) => (r.kind === "input") === r.reference.startsWith("${input:"), "Reference kind must be input exactly for ${input:…}");

export const ZServer = z.strictObject({
  name: nonEmpty(L.name, "Server name"),
  /** ~/.claude.json: the project path the server is configured for (its `projects` key). */
  project: nonEmpty(L.path, "Project").optional(),
  transport: z.enum(TRANSPORTS, { error: `Transport must be one of: ${TRANSPORTS.join(", ")}` }),
  command: text(L.command, "Command").optional(),
  /** Arguments with every detected secret replaced by «redacted:<detector>:<hint>». */
  args: z.array(text(L.arg, "Argument"), { error: "Arguments must be a list" })
    .max(REPORT_LIMITS.argsPerServer, `Arguments: at most ${REPORT_LIMITS.argsPerServer}`).optional(),
  /** The URL with credentials in its userinfo and query replaced the same way. */
  url: text(L.url, "URL").optional(),
  envFile: text(L.path, "Env file").optional(),
  disabled: z.boolean({ error: "Disabled must be yes or no" }).optional(),
  findings: z.array(ZFinding, { error: "Findings must be a list" })
    .max(REPORT_LIMITS.findingsPerServer, `Findings: at most ${REPORT_LIMITS.findingsPerServer} per server`),
  references: z.array(ZReference, { error: "References must be a list" })
    .max(REPORT_LIMITS.referencesPerServer, `References: at most ${REPORT_LIMITS.referencesPerServer} per server`),
});

export const ZInput = z.strictObject({
  id: z.string({ error: "Input id must be text" }).regex(/^[A-Za-z_][\w.-]{0,127}$/, "Input id must be letters, digits, _ . - (at most 128)"),
  description: text(L.description, "Input description").optional(),
  password: z.boolean({ error: "Password must be yes or no" }).optional(),
});

export const ZScanFile = z.strictObject({
  path: ZRelativePath,
  format: z.enum(CONFIG_FORMATS, { error: `Format must be one of: ${CONFIG_FORMATS.join(", ")}` }),
  status: z.enum(["ok", "error"], { error: "Status must be ok or error" }),
  /** Why the file could not be read or parsed: positions and kinds, never the content. */
  error: nonEmpty(L.error, "Error").optional(),
  servers: z.array(ZServer, { error: "Servers must be a list" })
    .max(REPORT_LIMITS.serversPerFile, `Servers: at most ${REPORT_LIMITS.serversPerFile} per file`),
  inputs: z.array(ZInput, { error: "Inputs must be a list" }).max(REPORT_LIMITS.inputsPerFile, `Inputs: at most ${REPORT_LIMITS.inputsPerFile}`).optional(),
  /** Credentials found outside any server entry (an input's default no server uses, a top-level key). */
  findings: z.array(ZFinding, { error: "Findings must be a list" })
    .max(REPORT_LIMITS.findingsPerFile, `File findings: at most ${REPORT_LIMITS.findingsPerFile}`),
  /** What was skipped or truncated and why (a server that is not an object, a list cut at its limit). */
  notes: z.array(nonEmpty(L.note, "Note"), { error: "Notes must be a list" }).max(REPORT_LIMITS.notesPerFile, `Notes: at most ${REPORT_LIMITS.notesPerFile}`).optional(),
}).refine((f) => (f.status === "error") === (f.error !== undefined), "An error file has an error message and an ok file has none")
  .refine((f) => f.status === "ok" || (f.servers.length === 0 && f.findings.length === 0), "A file that could not be read has no servers or findings");

const count = (what: string) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} must be at least 0`);

export const ZScanTotals = z.strictObject({
  files: count("Files"),
  filesWithErrors: count("Files with errors"),
  servers: count("Servers"),
  findings: count("Findings"),
  references: count("References"),
  byDetector: z.partialRecord(z.enum(DETECTOR_IDS, { error: "Detector must be one of the scanner's detectors" }), count("Detector count"), { error: "By detector must be a set of counts" }),
});

export const ZScanReport = z.strictObject({
  version: z.literal(1, { error: "Version must be 1" }),
  scanner: z.strictObject({
    name: nonEmpty(L.label, "Scanner name"),
    version: z.string({ error: "Scanner version must be text" }).regex(/^\d+\.\d+\.\d+$/, "Scanner version must be MAJOR.MINOR.PATCH"),
  }),
  scannedAt: z.iso.datetime({ offset: true, error: "Scanned at must be a date and time (ISO 8601)" }),
  /** A display label for what was scanned ("~", "acme/web"): never resolved, never trusted as a path. */
  root: text(L.path, "Root").optional(),
  files: z.array(ZScanFile, { error: "Files must be a list" }).max(REPORT_LIMITS.files, `Files: at most ${REPORT_LIMITS.files}`),
  notes: z.array(nonEmpty(L.note, "Note"), { error: "Notes must be a list" }).max(REPORT_LIMITS.notesPerReport, `Notes: at most ${REPORT_LIMITS.notesPerReport}`).optional(),
  totals: ZScanTotals,
}).superRefine((report, ctx) => {
  const totals = computeTotals(report.files);
  const issue = (message: string, path: PropertyKey[] = []) => ctx.addIssue({ code: "custom", message, path, input: undefined });
  if (totals.servers > REPORT_LIMITS.totalServers) issue(`A report holds at most ${REPORT_LIMITS.totalServers} servers`, ["files"]);
  if (totals.findings > REPORT_LIMITS.totalFindings) issue(`A report holds at most ${REPORT_LIMITS.totalFindings} findings`, ["files"]);
  if (totals.references > REPORT_LIMITS.totalReferences) issue(`A report holds at most ${REPORT_LIMITS.totalReferences} references`, ["files"]);
  if (!sameTotals(totals, report.totals)) issue("Totals must match the files, servers, findings and references in the report", ["totals"]);
  const paths = new Set<string>();
  report.files.forEach((file, f) => {
    if (paths.has(file.path)) issue("Each file appears once in a report", ["files", f, "path"]);
    paths.add(file.path);
    const check = (finding: z.output<typeof ZFinding>, path: PropertyKey[]) => {
      const problem = findingContradiction(finding);
      if (problem) issue(problem, path);
    };
    file.findings.forEach((finding, i) => check(finding, ["files", f, "findings", i]));
    file.servers.forEach((server, s) => server.findings.forEach((finding, i) => check(finding, ["files", f, "servers", s, "findings", i])));
  });
});

export type TFinding = z.output<typeof ZFinding>;
export type TReference = z.output<typeof ZReference>;
export type TScanServer = z.output<typeof ZServer>;
export type TScanInput = z.output<typeof ZInput>;
export type TScanFile = z.output<typeof ZScanFile>;
export type TScanTotals = z.output<typeof ZScanTotals>;
export type TScanReport = z.output<typeof ZScanReport>;

/** A finding that claims what its detector cannot mean (a GitHub PAT that is a client secret from Stripe). */
function findingContradiction(finding: TFinding): string | null {
  const meta = DETECTOR_META[finding.detector];
  if (meta.confidence !== finding.confidence) return `A ${finding.detector} finding has confidence ${meta.confidence}`;
  if (meta.kind !== null && meta.kind !== finding.credentialKind) return `A ${finding.detector} finding is a ${meta.kind}`;
  if (meta.provider !== null && meta.provider !== finding.providerHint) return `A ${finding.detector} finding comes from ${meta.provider}`;
  if (finding.externalId !== undefined && meta.provider !== "aws_iam") return "Only AWS access key findings carry an external id";
  return null;
}

/** The totals a list of files implies; the scanner writes these and ingestion checks them. */
export function computeTotals(files: readonly TScanFile[]): TScanTotals {
  const totals: TScanTotals = { files: files.length, filesWithErrors: 0, servers: 0, findings: 0, references: 0, byDetector: {} };
  const countFinding = (finding: TFinding) => {
    totals.findings += 1;
    totals.byDetector[finding.detector] = (totals.byDetector[finding.detector] ?? 0) + 1;
  };
  for (const file of files) {
    if (file.status === "error") totals.filesWithErrors += 1;
    file.findings.forEach(countFinding);
    for (const server of file.servers) {
      totals.servers += 1;
      totals.references += server.references.length;
      server.findings.forEach(countFinding);
    }
  }
  return totals;
}

function sameTotals(a: TScanTotals, b: TScanTotals): boolean {
  if (a.files !== b.files || a.filesWithErrors !== b.filesWithErrors || a.servers !== b.servers || a.findings !== b.findings || a.references !== b.references) return false;
  const keys = new Set([...Object.keys(a.byDetector), ...Object.keys(b.byDetector)]) as Set<keyof TScanTotals["byDetector"]>;
  return [...keys].every((k) => (a.byDetector[k] ?? 0) === (b.byDetector[k] ?? 0));
}
