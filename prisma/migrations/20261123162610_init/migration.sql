-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'security', 'owner', 'auditor');

-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('prod', 'staging', 'dev');

-- CreateEnum
CREATE TYPE "Sensitivity" AS ENUM ('low', 'moderate', 'high', 'critical');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('never', 'running', 'ok', 'error');

-- CreateEnum
CREATE TYPE "IdentityKind" AS ENUM ('service_account', 'agent', 'mcp_server', 'mcp_client', 'app', 'bot');

-- CreateEnum
CREATE TYPE "CredentialKind" AS ENUM ('pat', 'oauth_access_token', 'oauth_refresh_token', 'client_secret', 'api_key', 'cloud_access_key', 'installation_token', 'static_bearer');

-- CreateEnum
CREATE TYPE "CredentialStatus" AS ENUM ('active', 'expired', 'revoked', 'disabled');

-- CreateEnum
CREATE TYPE "CredentialSource" AS ENUM ('sync', 'scan', 'ingest', 'manual');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('none', 'low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "McpTransport" AS ENUM ('stdio', 'streamable_http', 'sse');

-- CreateEnum
CREATE TYPE "McpAuthMode" AS ENUM ('oauth', 'static_token', 'none');

-- CreateEnum
CREATE TYPE "ProbeResult" AS ENUM ('unknown', 'pass', 'fail', 'error');

-- CreateEnum
CREATE TYPE "ExposureLocation" AS ENUM ('mcp_config', 'env_file', 'repository', 'ci_log', 'prompt');

-- CreateEnum
CREATE TYPE "CallerKind" AS ENUM ('agent', 'mcp_client', 'mcp_server', 'service', 'user');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('mcp_server', 'provider_api');

-- CreateEnum
CREATE TYPE "UsageOutcome" AS ENUM ('allowed', 'denied', 'error');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivated_at" TIMESTAMP(3),
    "password_hash" TEXT,
    "oidc_subject" TEXT,
    "last_sign_in_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_memberships" (
    "team_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_memberships_pkey" PRIMARY KEY ("team_id","user_id")
);

-- CreateTable
CREATE TABLE "providers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "encrypted_credentials" TEXT,
    "sensitivity" "Sensitivity" NOT NULL DEFAULT 'moderate',
    "sync_status" "SyncStatus" NOT NULL DEFAULT 'never',
    "last_sync_at" TIMESTAMP(3),
    "last_sync_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "providers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identities" (
    "id" UUID NOT NULL,
    "kind" "IdentityKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "environment" "Environment" NOT NULL DEFAULT 'prod',
    "provider_id" UUID,
    "external_id" TEXT,
    "owner_id" UUID,
    "team_id" UUID,
    "third_party_vendor" TEXT,
    "last_seen_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credentials" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CredentialKind" NOT NULL,
    "provider_id" UUID NOT NULL,
    "external_id" TEXT,
    "fingerprint" TEXT,
    "hint" TEXT,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audiences" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "environment" "Environment" NOT NULL DEFAULT 'prod',
    "issued_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),
    "last_rotated_at" TIMESTAMP(3),
    "status" "CredentialStatus" NOT NULL DEFAULT 'active',
    "source" "CredentialSource" NOT NULL DEFAULT 'manual',
    "identity_id" UUID,
    "owner_id" UUID,
    "team_id" UUID,
    "risk_score" SMALLINT NOT NULL DEFAULT 0,
    "risk_level" "RiskLevel" NOT NULL DEFAULT 'none',
    "risk_factors" JSONB NOT NULL DEFAULT '[]',
    "risk_scored_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mcp_servers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "resource_uri" TEXT,
    "command" TEXT,
    "transport" "McpTransport" NOT NULL,
    "auth_mode" "McpAuthMode" NOT NULL,
    "environment" "Environment" NOT NULL DEFAULT 'prod',
    "protected_resource_metadata" JSONB,
    "last_probe_at" TIMESTAMP(3),
    "last_probe_result" "ProbeResult" NOT NULL DEFAULT 'unknown',
    "last_probe_detail" TEXT,
    "identity_id" UUID,
    "owner_id" UUID,
    "team_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mcp_servers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bindings" (
    "id" UUID NOT NULL,
    "credential_id" UUID NOT NULL,
    "holder_identity_id" UUID,
    "holder_mcp_server_id" UUID,
    "target_mcp_server_id" UUID,
    "target_provider_id" UUID,
    "audience" TEXT,
    "environment" "Environment" NOT NULL DEFAULT 'prod',
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bindings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exposures" (
    "id" UUID NOT NULL,
    "credential_id" UUID,
    "fingerprint" TEXT NOT NULL,
    "location_kind" "ExposureLocation" NOT NULL,
    "location" TEXT NOT NULL,
    "repository" TEXT,
    "line" INTEGER,
    "detector" TEXT NOT NULL,
    "detected_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "exposures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_events" (
    "id" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "parent_span_id" TEXT,
    "credential_id" UUID,
    "fingerprint" TEXT,
    "caller_kind" "CallerKind" NOT NULL,
    "caller_id" TEXT NOT NULL,
    "caller_environment" "Environment",
    "user_agent" TEXT,
    "target_kind" "TargetKind" NOT NULL,
    "target_id" TEXT NOT NULL,
    "target_audience" TEXT,
    "tool" TEXT,
    "outcome" "UsageOutcome" NOT NULL,
    "ingested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "seq" BIGINT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "actor_id" UUID,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"("oidc_subject");

-- CreateIndex
CREATE UNIQUE INDEX "teams_slug_key" ON "teams"("slug");

-- CreateIndex
CREATE INDEX "team_memberships_user_id_idx" ON "team_memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "providers_name_key" ON "providers"("name");

-- CreateIndex
CREATE INDEX "identities_kind_id_idx" ON "identities"("kind", "id");

-- CreateIndex
CREATE INDEX "identities_owner_id_idx" ON "identities"("owner_id");

-- CreateIndex
CREATE INDEX "identities_team_id_idx" ON "identities"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "identities_provider_id_external_id_key" ON "identities"("provider_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_fingerprint_key" ON "credentials"("fingerprint");

-- CreateIndex
CREATE INDEX "credentials_created_at_id_idx" ON "credentials"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "credentials_owner_id_risk_score_id_idx" ON "credentials"("owner_id", "risk_score" DESC, "id");

-- CreateIndex
CREATE INDEX "credentials_team_id_id_idx" ON "credentials"("team_id", "id");

-- CreateIndex
CREATE INDEX "credentials_provider_id_status_id_idx" ON "credentials"("provider_id", "status", "id");

-- CreateIndex
CREATE INDEX "credentials_status_expires_at_id_idx" ON "credentials"("status", "expires_at", "id");

-- CreateIndex
CREATE INDEX "credentials_status_last_used_at_id_idx" ON "credentials"("status", "last_used_at", "id");

-- CreateIndex
CREATE INDEX "credentials_risk_score_id_idx" ON "credentials"("risk_score" DESC, "id");

-- CreateIndex
CREATE INDEX "credentials_identity_id_idx" ON "credentials"("identity_id");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_provider_id_external_id_key" ON "credentials"("provider_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "mcp_servers_resource_uri_key" ON "mcp_servers"("resource_uri");

-- CreateIndex
CREATE UNIQUE INDEX "mcp_servers_identity_id_key" ON "mcp_servers"("identity_id");

-- CreateIndex
CREATE INDEX "bindings_credential_id_idx" ON "bindings"("credential_id");

-- CreateIndex
CREATE INDEX "bindings_holder_identity_id_idx" ON "bindings"("holder_identity_id");

-- CreateIndex
CREATE INDEX "bindings_holder_mcp_server_id_idx" ON "bindings"("holder_mcp_server_id");

-- CreateIndex
CREATE INDEX "bindings_target_mcp_server_id_idx" ON "bindings"("target_mcp_server_id");

-- CreateIndex
CREATE INDEX "exposures_credential_id_idx" ON "exposures"("credential_id");

-- CreateIndex
CREATE UNIQUE INDEX "exposures_fingerprint_location_key" ON "exposures"("fingerprint", "location");

-- CreateIndex
CREATE UNIQUE INDEX "usage_events_event_id_key" ON "usage_events"("event_id");

-- CreateIndex
CREATE INDEX "usage_events_credential_id_time_idx" ON "usage_events"("credential_id", "time" DESC);

-- CreateIndex
CREATE INDEX "usage_events_trace_id_idx" ON "usage_events"("trace_id");

-- CreateIndex
CREATE INDEX "usage_events_time_idx" ON "usage_events"("time");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_prev_hash_key" ON "audit_events"("prev_hash");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");

-- CreateIndex
CREATE INDEX "audit_events_target_type_target_id_seq_idx" ON "audit_events"("target_type", "target_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_seq_idx" ON "audit_events"("actor_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_time_idx" ON "audit_events"("time");

-- AddForeignKey
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identities" ADD CONSTRAINT "identities_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identities" ADD CONSTRAINT "identities_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identities" ADD CONSTRAINT "identities_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mcp_servers" ADD CONSTRAINT "mcp_servers_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mcp_servers" ADD CONSTRAINT "mcp_servers_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mcp_servers" ADD CONSTRAINT "mcp_servers_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bindings" ADD CONSTRAINT "bindings_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bindings" ADD CONSTRAINT "bindings_holder_identity_id_fkey" FOREIGN KEY ("holder_identity_id") REFERENCES "identities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bindings" ADD CONSTRAINT "bindings_holder_mcp_server_id_fkey" FOREIGN KEY ("holder_mcp_server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bindings" ADD CONSTRAINT "bindings_target_mcp_server_id_fkey" FOREIGN KEY ("target_mcp_server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bindings" ADD CONSTRAINT "bindings_target_provider_id_fkey" FOREIGN KEY ("target_provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exposures" ADD CONSTRAINT "exposures_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
