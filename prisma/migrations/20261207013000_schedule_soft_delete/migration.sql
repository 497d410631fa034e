-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "formerTaskId" UUID;

-- Only a COMPLETED schedule is kept after its delete (a NOT_STARTED one has no recorded time and is removed),
-- and a deleted one no longer holds its task: the task can be scheduled again.
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_deleted_completed_check"
  CHECK ("deletedAt" IS NULL OR (state = 'COMPLETED' AND "taskId" IS NULL));
