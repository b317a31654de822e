-- Signed webhooks a rotation's new secret is delivered to (lib/delivery).
-- AlterTable
ALTER TABLE "workflows" ADD COLUMN     "delivery_target_id" UUID;

-- CreateTable
CREATE TABLE "delivery_targets" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "encrypted_secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "delivery_targets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "delivery_targets_name_key" ON "delivery_targets"("name");

-- AddForeignKey
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_delivery_target_id_fkey" FOREIGN KEY ("delivery_target_id") REFERENCES "delivery_targets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

