-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ko', 'en');

-- CreateEnum
CREATE TYPE "ScheduleType" AS ENUM ('DEEP_WORK', 'QUICK_TASK', 'ADMIN_TASK');

-- CreateEnum
CREATE TYPE "ScheduleState" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'PAUSED', 'COMPLETED');

-- CreateTable
CREATE TABLE "members" (
    "id" UUID NOT NULL,
    "username" VARCHAR(20),
    "passwordHash" TEXT,
    "nickname" VARCHAR(20) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL DEFAULT 'Asia/Seoul',
    "dailyGoalMinutes" INTEGER NOT NULL DEFAULT 240,
    "reminderLeadMinutes" INTEGER NOT NULL DEFAULT 10,
    "locale" "Locale" NOT NULL DEFAULT 'ko',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "provider" VARCHAR(32) NOT NULL,
    "providerAccountId" VARCHAR(255) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "title" VARCHAR(40) NOT NULL,
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "deadline" DATE NOT NULL,
    "importance" INTEGER NOT NULL,
    "difficulty" INTEGER NOT NULL,
    "expectedMinutes" INTEGER,
    "completedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_dependencies" (
    "memberId" UUID NOT NULL,
    "previousTaskId" UUID NOT NULL,
    "nextTaskId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_dependencies_pkey" PRIMARY KEY ("previousTaskId","nextTaskId")
);

-- CreateTable
CREATE TABLE "schedules" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "taskId" UUID,
    "title" VARCHAR(40) NOT NULL,
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "startAt" TIMESTAMPTZ(3) NOT NULL,
    "type" "ScheduleType" NOT NULL,
    "state" "ScheduleState" NOT NULL DEFAULT 'NOT_STARTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "stateChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "completedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_sessions" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "day" DATE,

    CONSTRAINT "work_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_statistics" (
    "memberId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "type" "ScheduleType" NOT NULL,
    "seconds" INTEGER NOT NULL DEFAULT 0,
    "completedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_statistics_pkey" PRIMARY KEY ("memberId","day","type")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "type" VARCHAR(40) NOT NULL,
    "memberId" UUID NOT NULL,
    "scheduleId" UUID,
    "taskId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" VARCHAR(500),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push_subscriptions" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "endpoint" VARCHAR(2048),
    "p256dh" VARCHAR(255),
    "auth" VARCHAR(255),
    "fcmToken" VARCHAR(4096),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "push_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "memberId" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "fingerprint" VARCHAR(128) NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("memberId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "members_username_key" ON "members"("username");

-- CreateIndex
CREATE INDEX "accounts_memberId_idx" ON "accounts"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_providerAccountId_key" ON "accounts"("provider", "providerAccountId");

-- CreateIndex
CREATE INDEX "tasks_memberId_completedAt_deadline_idx" ON "tasks"("memberId", "completedAt", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_id_memberId_key" ON "tasks"("id", "memberId");

-- CreateIndex
CREATE INDEX "task_dependencies_nextTaskId_idx" ON "task_dependencies"("nextTaskId");

-- CreateIndex
CREATE INDEX "task_dependencies_memberId_idx" ON "task_dependencies"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "schedules_taskId_key" ON "schedules"("taskId");

-- CreateIndex
CREATE INDEX "schedules_memberId_startAt_idx" ON "schedules"("memberId", "startAt");

-- CreateIndex
CREATE INDEX "schedules_memberId_state_stateChangedAt_idx" ON "schedules"("memberId", "state", "stateChangedAt");

-- CreateIndex
CREATE UNIQUE INDEX "schedules_one_in_progress_per_member" ON "schedules"("memberId") WHERE (state = 'IN_PROGRESS');

-- CreateIndex
CREATE INDEX "work_sessions_scheduleId_startedAt_idx" ON "work_sessions"("scheduleId", "startedAt");

-- CreateIndex
CREATE INDEX "work_sessions_memberId_day_idx" ON "work_sessions"("memberId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "work_sessions_one_open_per_schedule" ON "work_sessions"("scheduleId") WHERE ("endedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "work_sessions_one_open_per_member" ON "work_sessions"("memberId") WHERE ("endedAt" IS NULL);

-- CreateIndex
CREATE INDEX "outbox_events_unsent" ON "outbox_events"("nextAttemptAt", "sequence") WHERE ("sentAt" IS NULL);

-- CreateIndex
CREATE INDEX "outbox_events_memberId_sequence_idx" ON "outbox_events"("memberId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_sequence_key" ON "outbox_events"("sequence");

-- CreateIndex
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions"("endpoint");

-- CreateIndex
CREATE UNIQUE INDEX "push_subscriptions_fcmToken_key" ON "push_subscriptions"("fcmToken");

-- CreateIndex
CREATE INDEX "push_subscriptions_memberId_idx" ON "push_subscriptions"("memberId");

-- CreateIndex
CREATE INDEX "idempotency_records_createdAt_idx" ON "idempotency_records"("createdAt");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_dependencies" ADD CONSTRAINT "task_dependencies_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_dependencies" ADD CONSTRAINT "task_dependencies_previousTaskId_memberId_fkey" FOREIGN KEY ("previousTaskId", "memberId") REFERENCES "tasks"("id", "memberId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_dependencies" ADD CONSTRAINT "task_dependencies_nextTaskId_memberId_fkey" FOREIGN KEY ("nextTaskId", "memberId") REFERENCES "tasks"("id", "memberId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_sessions" ADD CONSTRAINT "work_sessions_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_sessions" ADD CONSTRAINT "work_sessions_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_statistics" ADD CONSTRAINT "daily_statistics_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_records" ADD CONSTRAINT "idempotency_records_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CHECK constraints (written by hand: Prisma's schema language has none). They repeat the limits of
-- lib/domain/limits.ts so that no code path, raw SQL included, can store a value the domain forbids.
ALTER TABLE "members"
  ADD CONSTRAINT "members_username_format" CHECK ("username" ~ '^[a-z0-9_.]{4,20}$'),
  ADD CONSTRAINT "members_nickname_length" CHECK (char_length("nickname") BETWEEN 1 AND 20),
  ADD CONSTRAINT "members_daily_goal_range" CHECK ("dailyGoalMinutes" BETWEEN 1 AND 1440),
  ADD CONSTRAINT "members_reminder_lead_range" CHECK ("reminderLeadMinutes" BETWEEN 0 AND 120),
  ADD CONSTRAINT "members_can_sign_in" CHECK ("username" IS NULL OR "passwordHash" IS NOT NULL);

ALTER TABLE "tasks"
  ADD CONSTRAINT "tasks_title_length" CHECK (char_length(btrim("title")) BETWEEN 1 AND 40),
  ADD CONSTRAINT "tasks_importance_range" CHECK ("importance" BETWEEN 1 AND 9),
  ADD CONSTRAINT "tasks_difficulty_fibonacci" CHECK ("difficulty" IN (1, 2, 3, 5, 8, 13, 21)),
  ADD CONSTRAINT "tasks_expected_minutes_range" CHECK ("expectedMinutes" IS NULL OR "expectedMinutes" BETWEEN 1 AND 1440),
  ADD CONSTRAINT "tasks_version_positive" CHECK ("version" >= 1);

ALTER TABLE "task_dependencies"
  ADD CONSTRAINT "task_dependencies_no_self_edge" CHECK ("previousTaskId" <> "nextTaskId");

ALTER TABLE "schedules"
  ADD CONSTRAINT "schedules_title_length" CHECK (char_length(btrim("title")) BETWEEN 1 AND 40),
  ADD CONSTRAINT "schedules_version_positive" CHECK ("version" >= 1),
  ADD CONSTRAINT "schedules_completion_recorded" CHECK (("state" = 'COMPLETED') = ("completedAt" IS NOT NULL AND "completedOn" IS NOT NULL));

ALTER TABLE "work_sessions"
  ADD CONSTRAINT "work_sessions_ordered" CHECK ("endedAt" IS NULL OR "endedAt" >= "startedAt"),
  ADD CONSTRAINT "work_sessions_closed_have_day" CHECK (("endedAt" IS NULL) = ("day" IS NULL));

ALTER TABLE "daily_statistics"
  ADD CONSTRAINT "daily_statistics_seconds_nonnegative" CHECK ("seconds" >= 0),
  ADD CONSTRAINT "daily_statistics_count_nonnegative" CHECK ("completedCount" >= 0);

ALTER TABLE "outbox_events"
  ADD CONSTRAINT "outbox_events_subject" CHECK ("scheduleId" IS NOT NULL OR "taskId" IS NOT NULL OR "type" = 'member.created'),
  ADD CONSTRAINT "outbox_events_attempts_nonnegative" CHECK ("attempts" >= 0);

ALTER TABLE "push_subscriptions"
  ADD CONSTRAINT "push_subscriptions_one_transport" CHECK (
    ("endpoint" IS NOT NULL AND "p256dh" IS NOT NULL AND "auth" IS NOT NULL AND "fcmToken" IS NULL)
    OR ("fcmToken" IS NOT NULL AND "endpoint" IS NULL AND "p256dh" IS NULL AND "auth" IS NULL));

ALTER TABLE "idempotency_records"
  ADD CONSTRAINT "idempotency_records_key_printable" CHECK ("key" ~ '^[\x20-\x7E]{1,255}$');
