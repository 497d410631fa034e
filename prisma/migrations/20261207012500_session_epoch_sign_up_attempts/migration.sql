-- AlterTable
ALTER TABLE "members" ADD COLUMN     "sessionEpoch" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "sign_up_attempts" (
    "id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_up_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_up_attempts_key_attemptedAt_idx" ON "sign_up_attempts"("key", "attemptedAt");

-- CreateIndex
CREATE INDEX "sign_up_attempts_attemptedAt_idx" ON "sign_up_attempts"("attemptedAt");



-- Hand-written (Prisma has no CHECK): an epoch only ever goes up from 0, and an attempt names its address bucket.
ALTER TABLE "members" ADD CONSTRAINT "members_session_epoch_range" CHECK ("sessionEpoch" >= 0);
ALTER TABLE "sign_up_attempts" ADD CONSTRAINT "sign_up_attempts_key_not_empty" CHECK (char_length("key") >= 1);
