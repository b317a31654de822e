import { pgJson, pgTextArray, pgTimestamp, type TTableSpec } from "@/lib/seed/bulk-insert";
import type {
  TBindingRow, TCredentialRow, TExposureRow, TIdentityRow, TMcpServerRow, TMembershipRow, TProviderRow, TTeamRow, TUsageEventRow, TUserRow,
} from "@/lib/seed/world-types";

/**
 * Column lists per table (the @map'd names of prisma/schema.prisma) with their SQL casts. Risk
 * columns are left to their defaults: scores come from the risk engine, not from the generator.
 * credentials.search_vector is filled by its trigger. updated_at has no database default (Prisma
 * sets it client-side), so it is always written.
 */

const t = pgTimestamp;

export const USERS: TTableSpec<TUserRow> = {
  table: "users",
  columns: [
    ["id", "uuid", (r) => r.id], ["email", "text", (r) => r.email], ["name", "text", (r) => r.name],
    ["role", `"Role"`, (r) => r.role], ["active", "boolean", (r) => String(r.active)], ["deactivated_at", "timestamp(3)", (r) => t(r.deactivatedAt)],
    ["password_hash", "text", (r) => r.passwordHash], ["oidc_subject", "text", (r) => r.oidcSubject],
    ["last_sign_in_at", "timestamp(3)", (r) => t(r.lastSignInAt)], ["created_at", "timestamp(3)", (r) => t(r.createdAt)],
    ["updated_at", "timestamp(3)", (r) => t(r.deactivatedAt ?? r.createdAt)],
  ],
};

export const TEAMS: TTableSpec<TTeamRow> = {
  table: "teams",
  columns: [
    ["id", "uuid", (r) => r.id], ["slug", "text", (r) => r.slug], ["name", "text", (r) => r.name],
    ["created_at", "timestamp(3)", (r) => t(r.createdAt)], ["updated_at", "timestamp(3)", (r) => t(r.createdAt)],
  ],
};

export const MEMBERSHIPS: TTableSpec<TMembershipRow> = {
  table: "team_memberships",
  columns: [["team_id", "uuid", (r) => r.teamId], ["user_id", "uuid", (r) => r.userId], ["created_at", "timestamp(3)", (r) => t(r.createdAt)]],
};

export const PROVIDERS: TTableSpec<TProviderRow> = {
  table: "providers",
  columns: [
    ["id", "uuid", (r) => r.id], ["name", "text", (r) => r.spec.name], ["type", "text", (r) => r.spec.type],
    ["config", "jsonb", (r) => pgJson(r.spec.config)], ["sensitivity", `"Sensitivity"`, (r) => r.spec.sensitivity],
    ["sync_status", `"SyncStatus"`, (r) => r.syncStatus], ["last_sync_at", "timestamp(3)", (r) => t(r.lastSyncAt)],
    ["last_sync_error", "text", (r) => r.lastSyncError], ["created_at", "timestamp(3)", (r) => t(r.createdAt)],
    ["updated_at", "timestamp(3)", (r) => t(r.lastSyncAt ?? r.createdAt)],
  ],
};

export const IDENTITIES: TTableSpec<TIdentityRow> = {
  table: "identities",
  columns: [
    ["id", "uuid", (r) => r.id], ["kind", `"IdentityKind"`, (r) => r.kind], ["name", "text", (r) => r.name],
    ["description", "text", (r) => r.description], ["environment", `"Environment"`, (r) => r.environment],
    ["provider_id", "uuid", (r) => r.providerId], ["external_id", "text", (r) => r.externalId], ["owner_id", "uuid", (r) => r.ownerId],
    ["team_id", "uuid", (r) => r.teamId], ["third_party_vendor", "text", (r) => r.thirdPartyVendor],
    ["last_seen_at", "timestamp(3)", (r) => t(r.lastSeenAt)], ["created_at", "timestamp(3)", (r) => t(r.createdAt)],
    ["updated_at", "timestamp(3)", (r) => t(r.createdAt)],
  ],
};

export const MCP_SERVERS: TTableSpec<TMcpServerRow> = {
  table: "mcp_servers",
  columns: [
    ["id", "uuid", (r) => r.id], ["name", "text", (r) => r.name], ["resource_uri", "text", (r) => r.resourceUri],
    ["command", "text", (r) => r.command], ["transport", `"McpTransport"`, (r) => r.transport], ["auth_mode", `"McpAuthMode"`, (r) => r.authMode],
    ["environment", `"Environment"`, (r) => r.environment], ["protected_resource_metadata", "jsonb", (r) => pgJson(r.protectedResourceMetadata)],
    ["last_probe_at", "timestamp(3)", (r) => t(r.lastProbeAt)], ["last_probe_result", `"ProbeResult"`, (r) => r.lastProbeResult],
    ["last_probe_detail", "text", (r) => r.lastProbeDetail], ["identity_id", "uuid", (r) => r.identityId],
    ["owner_id", "uuid", (r) => r.ownerId], ["team_id", "uuid", (r) => r.teamId],
    ["created_at", "timestamp(3)", (r) => t(r.createdAt)], ["updated_at", "timestamp(3)", (r) => t(r.lastProbeAt ?? r.createdAt)],
  ],
};

export const CREDENTIALS: TTableSpec<TCredentialRow> = {
  table: "credentials",
  columns: [
    ["id", "uuid", (r) => r.id], ["name", "text", (r) => r.name], ["kind", `"CredentialKind"`, (r) => r.kind],
    ["provider_id", "uuid", (r) => r.providerId], ["external_id", "text", (r) => r.externalId],
    ["fingerprint", "text", (r) => r.fingerprint], ["hint", "text", (r) => r.hint],
    ["scopes", "text[]", (r) => pgTextArray(r.scopes)], ["audiences", "text[]", (r) => pgTextArray(r.audiences)],
    ["environment", `"Environment"`, (r) => r.environment], ["issued_at", "timestamp(3)", (r) => t(r.issuedAt)],
    ["expires_at", "timestamp(3)", (r) => t(r.expiresAt)], ["last_used_at", "timestamp(3)", (r) => t(r.lastUsedAt)],
    ["last_rotated_at", "timestamp(3)", (r) => t(r.lastRotatedAt)], ["status", `"CredentialStatus"`, (r) => r.status],
    ["source", `"CredentialSource"`, (r) => r.source], ["identity_id", "uuid", (r) => r.identityId],
    ["owner_id", "uuid", (r) => r.ownerId], ["team_id", "uuid", (r) => r.teamId],
    ["created_at", "timestamp(3)", (r) => t(r.createdAt)], ["updated_at", "timestamp(3)", (r) => t(r.updatedAt)],
    ["used_scopes", "text[]", (r) => pgTextArray(r.usedScopes)],
    ["exposure_count", "integer", (r) => String(r.exposureCount)], ["consumer_count", "integer", (r) => String(r.consumerCount)],
  ],
};

export const BINDINGS: TTableSpec<TBindingRow> = {
  table: "bindings",
  columns: [
    ["id", "uuid", (r) => r.id], ["credential_id", "uuid", (r) => r.credentialId],
    ["holder_identity_id", "uuid", (r) => r.holderIdentityId], ["holder_mcp_server_id", "uuid", (r) => r.holderMcpServerId],
    ["target_mcp_server_id", "uuid", (r) => r.targetMcpServerId], ["target_provider_id", "uuid", (r) => r.targetProviderId],
    ["audience", "text", (r) => r.audience], ["environment", `"Environment"`, (r) => r.environment],
    ["first_seen_at", "timestamp(3)", (r) => t(r.firstSeenAt)], ["last_seen_at", "timestamp(3)", (r) => t(r.lastSeenAt)],
  ],
};

export const EXPOSURES: TTableSpec<TExposureRow> = {
  table: "exposures",
  columns: [
    ["id", "uuid", (r) => r.id], ["credential_id", "uuid", (r) => r.credentialId], ["fingerprint", "text", (r) => r.fingerprint],
    ["location_kind", `"ExposureLocation"`, (r) => r.locationKind], ["location", "text", (r) => r.location],
    ["repository", "text", (r) => r.repository], ["line", "integer", (r) => (r.line === null ? null : String(r.line))],
    ["detector", "text", (r) => r.detector], ["detected_at", "timestamp(3)", (r) => t(r.detectedAt)],
    ["resolved_at", "timestamp(3)", (r) => t(r.resolvedAt)],
  ],
};

export const USAGE_EVENTS: TTableSpec<TUsageEventRow> = {
  table: "usage_events",
  columns: [
    ["event_id", "text", (r) => r.eventId], ["time", "timestamp(3)", (r) => t(r.time)], ["trace_id", "text", (r) => r.traceId],
    ["span_id", "text", (r) => r.spanId], ["parent_span_id", "text", (r) => r.parentSpanId],
    ["credential_id", "uuid", (r) => r.credentialId], ["fingerprint", "text", (r) => r.fingerprint],
    ["caller_kind", `"CallerKind"`, (r) => r.callerKind], ["caller_id", "text", (r) => r.callerId],
    ["caller_environment", `"Environment"`, (r) => r.callerEnvironment], ["user_agent", "text", (r) => r.userAgent],
    ["target_kind", `"TargetKind"`, (r) => r.targetKind], ["target_id", "text", (r) => r.targetId],
    ["target_audience", "text", (r) => r.targetAudience], ["tool", "text", (r) => r.tool],
    ["outcome", `"UsageOutcome"`, (r) => r.outcome], ["ingested_at", "timestamp(3)", (r) => t(r.ingestedAt)],
  ],
};
