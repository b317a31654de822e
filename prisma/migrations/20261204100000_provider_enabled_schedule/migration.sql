-- AlterTable
ALTER TABLE "providers" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "sync_schedule" TEXT;
