-- Alert delivery (lib/alerts): destinations (webhook / Slack / SIEM, secrets encrypted in the app),
-- the outbox of deliveries written with the finding, each try, and which open findings were alerted.

-- CreateEnum
CREATE TYPE "AlertDestinationKind" AS ENUM ('webhook', 'slack', 'siem');

-- CreateEnum
CREATE TYPE "AlertDeliveryStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "alert_destinations" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertDestinationKind" NOT NULL,
    "url_hint" TEXT NOT NULL,
    "encrypted_config" TEXT NOT NULL,
    "min_severity" "RiskLevel" NOT NULL DEFAULT 'low',
    "detectors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_destinations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL,
    "destination_id" UUID NOT NULL,
    "credential_id" UUID,
    "factor" TEXT,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB NOT NULL,
    "status" "AlertDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3),
    "last_error" TEXT,
    "last_status" INTEGER,
    "delivered_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_delivery_attempts" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "http_status" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "alert_delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_alert_emissions" (
    "credential_id" UUID NOT NULL,
    "factor" TEXT NOT NULL,
    "emitted_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "usage_alert_emissions_pkey" PRIMARY KEY ("credential_id","factor")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_destinations_name_key" ON "alert_destinations"("name");

-- CreateIndex
CREATE INDEX "alert_deliveries_status_next_attempt_at_idx" ON "alert_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_deliveries_destination_id_created_at_idx" ON "alert_deliveries"("destination_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "alert_delivery_attempts_delivery_id_at_idx" ON "alert_delivery_attempts"("delivery_id", "at");

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "alert_destinations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery_attempts" ADD CONSTRAINT "alert_delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "alert_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_alert_emissions" ADD CONSTRAINT "usage_alert_emissions_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

