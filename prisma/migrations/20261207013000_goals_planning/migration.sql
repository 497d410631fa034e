-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'ACHIEVED', 'ARCHIVED');

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "bufferMinutes" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "workingHours" JSONB NOT NULL DEFAULT '{"1":[{"start":"09:00","end":"18:00"}],"2":[{"start":"09:00","end":"18:00"}],"3":[{"start":"09:00","end":"18:00"}],"4":[{"start":"09:00","end":"18:00"}],"5":[{"start":"09:00","end":"18:00"}],"6":[],"7":[]}';

-- AlterTable
ALTER TABLE "outbox_events" ADD COLUMN     "goalId" UUID;

-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "plannedMinutes" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "goalId" UUID;

-- CreateTable
CREATE TABLE "goals" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "title" VARCHAR(60) NOT NULL,
    "description" VARCHAR(1000) NOT NULL DEFAULT '',
    "targetDate" DATE,
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "goals_memberId_createdAt_idx" ON "goals"("memberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "goals_id_memberId_key" ON "goals"("id", "memberId");

-- CreateIndex
CREATE INDEX "tasks_goalId_idx" ON "tasks"("goalId");

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_goalId_memberId_fkey" FOREIGN KEY ("goalId", "memberId") REFERENCES "goals"("id", "memberId") ON DELETE NO ACTION ON UPDATE CASCADE;


-- CHECK constraints (by hand, as in the init migration): the limits of lib/domain/limits.ts and planning.md.
ALTER TABLE "goals"
  ADD CONSTRAINT "goals_title_length" CHECK (char_length(btrim("title")) BETWEEN 1 AND 60),
  ADD CONSTRAINT "goals_description_length" CHECK (char_length("description") <= 1000),
  ADD CONSTRAINT "goals_version_positive" CHECK ("version" >= 1);

ALTER TABLE "members"
  ADD CONSTRAINT "members_buffer_range" CHECK ("bufferMinutes" BETWEEN 0 AND 60),
  ADD CONSTRAINT "members_working_hours_week" CHECK (jsonb_typeof("workingHours") = 'object');

ALTER TABLE "schedules"
  ADD CONSTRAINT "schedules_planned_minutes_range" CHECK ("plannedMinutes" BETWEEN 5 AND 720);

-- goal.* events name their goal
ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_subject";
ALTER TABLE "outbox_events"
  ADD CONSTRAINT "outbox_events_subject" CHECK ("scheduleId" IS NOT NULL OR "taskId" IS NOT NULL OR "goalId" IS NOT NULL OR "type" = 'member.created');
