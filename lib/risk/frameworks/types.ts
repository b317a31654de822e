export type TFrameworkItem = {
  /** Stored in CredentialRisk.frameworks and used in URLs (/inventory?framework=NHI7): unique across all frameworks. */
  id: string;
  /** The identifier as the framework writes it ("NHI7:2025", "Layer 3", "PR.AA"). */
  code: string;
  name: string;
  /** Optional heading (NIST CSF function). */
  group?: string;
};

export type TFramework = {
  id: string;
  name: string;
  shortName: string;
  url: string;
  items: readonly TFrameworkItem[];
};
