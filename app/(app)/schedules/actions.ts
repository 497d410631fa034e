"use server";
// Server actions of the player and the day view: parse, call a service, refresh the pages that show it.
import { revalidatePath } from "next/cache";
import * as z from "zod";
import { Id, IdempotencyKey } from "@/lib/contracts/common";
import { CreateScheduleInput, ScheduleActionParams, UpdateScheduleInput } from "@/lib/contracts/schedule";
import { memberAction } from "@/lib/actions/safe-action";
import { changesOnlyItself } from "@/lib/domain/schedule-transitions";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { deleteSchedule } from "@/lib/services/schedules/delete-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { updateSchedule } from "@/lib/services/schedules/update-schedule";

const refresh = () => revalidatePath("/", "layout"); // the mini player on every page shows schedules

export const createScheduleAction = memberAction
  .inputSchema(CreateScheduleInput)
  .action(async ({ parsedInput, ctx }) => {
    const schedule = await createSchedule(ctx.memberId, parsedInput);
    refresh();
    return schedule;
  });

export const updateScheduleAction = memberAction
  .inputSchema(UpdateScheduleInput.and(z.object({ id: Id })))
  .action(async ({ parsedInput: { id, ...changes }, ctx }) => {
    const schedule = await updateSchedule(ctx.memberId, id, changes);
    refresh();
    return schedule;
  });

export const deleteScheduleAction = memberAction
  .inputSchema(z.object({ id: Id, deleteTask: z.boolean().default(false), version: z.int().positive().optional() }))
  .action(async ({ parsedInput: { id, ...options }, ctx }) => {
    await deleteSchedule(ctx.memberId, id, options);
    refresh();
    return { id };
  });

/**
 * start / pause / resume / complete / stop / reset. The UI makes one idempotency key per click, so a double
 * click or a retried request after a lost answer has exactly one effect and gets the first answer back.
 */
export const transitionScheduleAction = memberAction
  .inputSchema(ScheduleActionParams.extend({ switch: z.boolean().default(false), idempotencyKey: IdempotencyKey }))
  .action(async ({ parsedInput: { id, action, idempotencyKey, ...rest }, ctx }) => {
    const fingerprint = `action ${id} ${action} ${rest.switch}`;
    const { schedule } = await transitionSchedule(ctx.memberId, id, action, {
      switch: rest.switch,
      idempotency: { key: idempotencyKey, fingerprint },
    });
    // a pause, or a resume that switches nothing, changes only the schedule the store holds from the answer
    if (!changesOnlyItself(action, rest.switch)) refresh();
    return schedule;
  });
