import type { TDetectorId, TReferenceKind } from "@/lib/discovery/vocabulary";

/**
 * What the detectors hand to the collector. A hit holds the secret itself: it lives only between a
 * detector and the collector, which turns it into a fingerprint and a hint and keeps the value only
 * to scrub it from anything the report will show.
 */

export type TSecretHit = {
  detector: TDetectorId;
  /** The credential as a client would present it (decoded from a URL, out of a Basic header). */
  value: string;
  /** The characters to cut out of the scanned text when it is shown (args, URL, command). */
  start: number;
  end: number;
  /** Appended to the key path: "(query:token)", "(userinfo:password)", "(basic:password)", "(default)". */
  keyPathSuffix?: string;
  /** The key the value sat under, for the kind and provider of a secret without a known format. */
  keyName?: string;
};

export type TRefHit = { reference: string; kind: TReferenceKind; hasDefault?: boolean; keyPathSuffix?: string };

export type TTextScan = { secrets: TSecretHit[]; references: TRefHit[] };
