-- AlterTable
ALTER TABLE "idempotency_records" DROP COLUMN "status";


