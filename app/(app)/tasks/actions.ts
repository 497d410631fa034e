"use server";
// Server actions of the task pages: parse, call a service, refresh the pages that show it.
import { revalidatePath } from "next/cache";
import * as z from "zod";
import { Id } from "@/lib/contracts/common";
import { CreateTaskInput, ScheduleTaskInput, UpdateTaskInput } from "@/lib/contracts/task";
import { memberAction } from "@/lib/actions/safe-action";
import { completeTask, reopenTask } from "@/lib/services/tasks/complete-task";
import { createTask } from "@/lib/services/tasks/create-task";
import { deleteTask } from "@/lib/services/tasks/delete-task";
import { scheduleTask } from "@/lib/services/tasks/schedule-task";
import { updateTask } from "@/lib/services/tasks/update-task";

const refresh = () => revalidatePath("/", "layout");
const ById = z.object({ id: Id });

export const createTaskAction = memberAction.inputSchema(CreateTaskInput).action(async ({ parsedInput, ctx }) => {
  const task = await createTask(ctx.memberId, parsedInput);
  refresh();
  return task;
});

export const updateTaskAction = memberAction
  .inputSchema(UpdateTaskInput.and(ById))
  .action(async ({ parsedInput: { id, ...input }, ctx }) => {
    const task = await updateTask(ctx.memberId, id, input);
    refresh();
    return task;
  });

export const deleteTaskAction = memberAction
  .inputSchema(ById.extend({ deleteSchedule: z.boolean().default(false), version: z.int().positive().optional() }))
  .action(async ({ parsedInput: { id, ...options }, ctx }) => {
    await deleteTask(ctx.memberId, id, options);
    refresh();
    return { id };
  });

export const completeTaskAction = memberAction.inputSchema(ById).action(async ({ parsedInput, ctx }) => {
  const task = await completeTask(ctx.memberId, parsedInput.id);
  refresh();
  return task;
});

export const reopenTaskAction = memberAction.inputSchema(ById).action(async ({ parsedInput, ctx }) => {
  const task = await reopenTask(ctx.memberId, parsedInput.id);
  refresh();
  return task;
});

export const scheduleTaskAction = memberAction
  .inputSchema(ScheduleTaskInput.and(ById))
  .action(async ({ parsedInput: { id, startAt, type }, ctx }) => {
    const schedule = await scheduleTask(ctx.memberId, id, { startAt, type });
    refresh();
    return schedule;
  });
