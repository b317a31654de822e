/**
 * Bounds on what the scanner reads and what a report may hold. The report bounds are also the
 * ingestion API's (ZScanReport enforces them on whatever a sender posts), so the scanner truncates
 * to them instead of producing a report the server would refuse.
 */

export const SCAN_LIMITS = {
  /** A config file larger than this is reported as an error, unread. */
  maxFileBytes: 1024 * 1024,
  /**
   * ~/.claude.json also keeps per-project prompt history and grows to megabytes on busy machines;
   * it is the one format allowed to be larger.
   */
  maxUserConfigBytes: 16 * 1024 * 1024,
  /** JSON nesting a config file may have; real ones stay under 10. */
  maxJsonDepth: 64,
  /** Directory levels below the root the walker descends. */
  maxWalkDepth: 12,
  /** Directory entries the walker looks at before it stops (a whole disk is not a scan root). */
  maxWalkEntries: 2_000_000,
  /** Longest value the entropy rule judges; longer text is not a credential. */
  maxSecretLength: 4096,
} as const;

export const REPORT_LIMITS = {
  files: 1000,
  serversPerFile: 200,
  findingsPerServer: 100,
  referencesPerServer: 100,
  argsPerServer: 64,
  inputsPerFile: 100,
  findingsPerFile: 100,
  notesPerFile: 20,
  notesPerReport: 20,
  totalServers: 10_000,
  totalFindings: 20_000,
  totalReferences: 20_000,
  text: { name: 200, path: 1024, command: 1024, arg: 1024, url: 2048, keyPath: 512, note: 300, error: 300, description: 500, label: 100 },
  /** What the ingestion endpoint should accept as a body; the CLI refuses to send more. */
  maxBodyBytes: 8 * 1024 * 1024,
} as const;
