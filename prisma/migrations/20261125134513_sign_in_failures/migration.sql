-- CreateEnum
CREATE TYPE "SignInThrottleScope" AS ENUM ('username', 'address');

-- CreateTable
CREATE TABLE "sign_in_failures" (
    "id" UUID NOT NULL,
    "scope" "SignInThrottleScope" NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "failedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_failures_scope_key_failedAt_idx" ON "sign_in_failures"("scope", "key", "failedAt");

-- CreateIndex
CREATE INDEX "sign_in_failures_failedAt_idx" ON "sign_in_failures"("failedAt");


-- Hand-written (Prisma has no CHECK): a failure always names what it counts against.
ALTER TABLE "sign_in_failures" ADD CONSTRAINT "sign_in_failures_key_not_empty" CHECK (char_length("key") >= 1);
