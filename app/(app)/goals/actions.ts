"use server";
// Server actions of the goal pages: parse with the goal contracts, call one goal service, refresh the pages.
import { revalidatePath } from "next/cache";
import * as z from "zod";
import { BreakdownInput } from "@/lib/contracts/breakdown";
import { Id, IdempotencyKey } from "@/lib/contracts/common";
import { AcceptTasksInput, CreateGoalInput, UpdateGoalInput } from "@/lib/contracts/goal";
import { memberAction } from "@/lib/actions/safe-action";
import { requestFingerprint } from "@/lib/http/handler";
import { acceptBreakdown } from "@/lib/services/goals/accept-breakdown";
import { breakdownGoal } from "@/lib/services/goals/breakdown-goal";
import { createGoal } from "@/lib/services/goals/create-goal";
import { deleteGoal } from "@/lib/services/goals/delete-goal";
import { updateGoal } from "@/lib/services/goals/update-goal";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { getTask } from "@/lib/services/tasks/read-tasks";
import { scheduleTask } from "@/lib/services/tasks/schedule-task";

const refresh = () => revalidatePath("/", "layout");
const ById = z.object({ id: Id });

export const createGoalAction = memberAction.inputSchema(CreateGoalInput).action(async ({ parsedInput, ctx }) => {
  const goal = await createGoal(ctx.memberId, parsedInput);
  refresh();
  return goal;
});

export const updateGoalAction = memberAction
  .inputSchema(UpdateGoalInput.and(ById))
  .action(async ({ parsedInput: { id, ...input }, ctx }) => {
    const goal = await updateGoal(ctx.memberId, id, input);
    refresh();
    return goal;
  });

export const deleteGoalAction = memberAction
  .inputSchema(ById.extend({ deleteTasks: z.boolean().default(false), version: z.int().positive().optional() }))
  .action(async ({ parsedInput: { id, ...options }, ctx }) => {
    await deleteGoal(ctx.memberId, id, options);
    refresh();
    return { id };
  });

/** a proposal only: writes nothing, so nothing to refresh */
export const proposeBreakdownAction = memberAction
  .inputSchema(BreakdownInput.and(ById))
  .action(async ({ parsedInput: { id, ...input }, ctx }) => breakdownGoal(ctx.memberId, id, input));

/**
 * The edited proposal, all or nothing. The form makes one idempotency key per submit, so a double click (or a
 * retry after a lost answer) creates the tasks once and gets the first answer back.
 */
export const acceptBreakdownAction = memberAction
  .inputSchema(AcceptTasksInput.and(ById.extend({ idempotencyKey: IdempotencyKey })))
  .action(async ({ parsedInput: { id, idempotencyKey, tasks }, ctx }) => {
    const fingerprint = requestFingerprint("POST", `/api/v1/goals/${id}/tasks`, { tasks });
    const answer = await acceptBreakdown(ctx.memberId, id, tasks, {
      idempotency: { key: idempotencyKey, fingerprint },
    });
    refresh();
    return { tasks: answer.tasks };
  });

/**
 * "Start" on a goal's next task: schedule it now when it has no schedule yet (the task → schedule flow), then
 * start its schedule. One key per click, so a double click starts it once.
 */
export const startTaskAction = memberAction
  .inputSchema(ById.extend({ idempotencyKey: IdempotencyKey }))
  .action(async ({ parsedInput: { id, idempotencyKey }, ctx }) => {
    const task = await getTask(ctx.memberId, id);
    const scheduleId =
      task.scheduleId ?? (await scheduleTask(ctx.memberId, id, { startAt: new Date(), type: "DEEP_WORK" })).id;
    const { schedule } = await transitionSchedule(ctx.memberId, scheduleId, "start", {
      switch: false,
      idempotency: { key: idempotencyKey, fingerprint: `action ${scheduleId} start false` },
    });
    refresh();
    return schedule;
  });
