import type {
  CallerKind, CredentialKind, CredentialSource, CredentialStatus, Environment, ExposureLocation, IdentityKind,
  McpAuthMode, McpTransport, ProbeResult, Role, SyncStatus, TargetKind, UsageOutcome,
} from "@/lib/generated/prisma/client";
import type { TMcpServerSpec } from "@/lib/seed/catalog-mcp";
import type { TProviderSpec } from "@/lib/seed/catalog-providers";

/**
 * In-memory rows, one field per column (camelCase of the snake_case column), times as epoch ms.
 * Extra fields that are not columns are marked "generator only".
 */

export type TUserRow = {
  id: string; email: string; name: string; role: Role; active: boolean; deactivatedAt: number | null;
  passwordHash: string | null; oidcSubject: string | null; lastSignInAt: number | null; createdAt: number;
  /** generator only */ teamSlugs: string[];
};

export type TTeamRow = { id: string; slug: string; name: string; createdAt: number };
export type TMembershipRow = { teamId: string; userId: string; createdAt: number };

export type TProviderRow = {
  id: string; spec: TProviderSpec; syncStatus: SyncStatus; lastSyncAt: number | null; lastSyncError: string | null; createdAt: number;
};

export type TIdentityRow = {
  id: string; kind: IdentityKind; name: string; description: string | null; environment: Environment;
  providerId: string | null; externalId: string | null; ownerId: string | null; teamId: string | null;
  thirdPartyVendor: string | null; lastSeenAt: number | null; createdAt: number;
  /** generator only: how many credentials it tends to hold, relative to others */ weight: number;
  /** generator only: user agent its requests carry */ userAgent: string;
  /** generator only: the McpServer it represents, for kind mcp_server */ mcpServer?: TMcpServerRow;
};

export type TMcpServerRow = {
  id: string; name: string; resourceUri: string | null; command: string | null; transport: McpTransport;
  authMode: McpAuthMode; environment: Environment; protectedResourceMetadata: Record<string, unknown> | null;
  lastProbeAt: number | null; lastProbeResult: ProbeResult; lastProbeDetail: string | null;
  identityId: string | null; ownerId: string | null; teamId: string | null; createdAt: number;
  /** generator only */ spec: TMcpServerSpec;
  /** generator only: the provider it calls on behalf of agents */ upstream: TProviderRow | null;
};

export type TCredentialRow = {
  id: string; name: string; kind: CredentialKind; providerId: string; externalId: string | null;
  fingerprint: string | null; hint: string | null; scopes: string[]; audiences: string[]; environment: Environment;
  issuedAt: number; expiresAt: number | null; lastUsedAt: number | null; lastRotatedAt: number | null;
  status: CredentialStatus; source: CredentialSource; identityId: string | null; ownerId: string | null;
  teamId: string | null; createdAt: number; updatedAt: number;
  /** Scopes seen exercised; empty = not observed (the over-privilege factor's input). */
  usedScopes: string[];
  /** Counters the app maintains on write; the seed bypasses the app, so it fills them itself. */
  exposureCount: number; consumerCount: number;
};

export type TBindingRow = {
  id: string; credentialId: string; holderIdentityId: string | null; holderMcpServerId: string | null;
  targetMcpServerId: string | null; targetProviderId: string | null; audience: string | null;
  environment: Environment; firstSeenAt: number; lastSeenAt: number;
};

export type TExposureRow = {
  id: string; credentialId: string | null; fingerprint: string; locationKind: ExposureLocation; location: string;
  repository: string | null; line: number | null; detector: string; detectedAt: number; resolvedAt: number | null;
};

export type TUsageEventRow = {
  eventId: string; time: number; traceId: string; spanId: string; parentSpanId: string | null;
  credentialId: string | null; fingerprint: string | null; callerKind: CallerKind; callerId: string;
  callerEnvironment: Environment | null; userAgent: string | null; targetKind: TargetKind; targetId: string;
  targetAudience: string | null; tool: string | null; outcome: UsageOutcome; ingestedAt: number;
};

/** Everything except credentials and what hangs off them: small, built once, kept in memory. */
export type TOrg = {
  now: number;
  users: TUserRow[];
  teams: TTeamRow[];
  memberships: TMembershipRow[];
  providers: TProviderRow[];
  identities: TIdentityRow[];
  mcpServers: TMcpServerRow[];
};
