-- AlterTable
ALTER TABLE "outbox_events" ADD COLUMN     "amqpAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "amqpLastError" VARCHAR(500),
ADD COLUMN     "amqpNextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "amqpSentAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "outbox_events_amqp_unsent" ON "outbox_events"("amqpNextAttemptAt", "sequence") WHERE ("amqpSentAt" IS NULL);


