"use server";
// Server actions of "Plan my week" (docs/planner.md "The plan sheet"): propose (writes nothing) and accept (creates
// the schedules of the placements the member kept, all or nothing). Thin: parse with the plan contracts, call the
// plan services, refresh the pages after an accept.
import { revalidatePath } from "next/cache";
import * as z from "zod";
import { IdempotencyKey } from "@/lib/contracts/common";
import { AcceptPlanInput, PlanInput } from "@/lib/contracts/plan";
import { AcceptedPlanSummary, NEW_TASK_MINUTES, PlanProposal } from "@/lib/contracts/plan-sheet";
import { memberAction } from "@/lib/actions/safe-action";
import { requestFingerprint } from "@/lib/http/handler";
import { underIdempotencyKey } from "@/lib/services/idempotency";
import { acceptPlan } from "@/lib/services/plan/accept-plan";
import { planTaskSummaries } from "@/lib/services/plan/plan-tasks";
import { nextSlot } from "@/lib/services/plan/next-slot";
import { proposePlan } from "@/lib/services/plan/propose-plan";

/**
 * The proposal, with the title and deadline of every task it names (placed or not), and where a new 60-minute task
 * would land once its blocks are on the calendar (the capacity line).
 */
export const proposePlanAction = memberAction
  .inputSchema(PlanInput)
  .outputSchema(PlanProposal)
  .action(async ({ parsedInput, ctx }) => {
    const plan = await proposePlan(ctx.memberId, parsedInput);
    const tasks = await planTaskSummaries(ctx.memberId, [
      ...plan.placements.map((p) => p.taskId),
      ...plan.unplaced.map((u) => u.taskId),
    ]);
    const slot = await nextSlot(ctx.memberId, parsedInput, plan.placements, NEW_TASK_MINUTES);
    return { ...plan, tasks, newTask: { minutes: NEW_TASK_MINUTES, startAt: slot?.toISOString() ?? null } };
  });

/**
 * The kept placements, under one idempotency key per proposal made by the sheet: a double click, a retry after a
 * lost answer or a second tab with the same proposal creates the schedules once and gets the first answer back
 * (the key is claimed by the accept's transaction, as the Idempotency-Key of POST /plan/accept is). A calendar that
 * changed meanwhile is CONFLICT with details.placements: [{ taskId, reason }].
 */
export const acceptPlanAction = memberAction
  .inputSchema(AcceptPlanInput.and(z.object({ idempotencyKey: IdempotencyKey })))
  .outputSchema(AcceptedPlanSummary)
  .action(async ({ parsedInput: { idempotencyKey, placements }, ctx }) => {
    const fingerprint = requestFingerprint("POST", "/api/v1/plan/accept", { placements });
    const answer = await underIdempotencyKey(
      { memberId: ctx.memberId, request: { key: idempotencyKey, fingerprint }, claimed: false, replayed: false },
      () => acceptPlan(ctx.memberId, placements),
    );
    revalidatePath("/", "layout");
    return { schedules: answer.schedules.map((s) => ({ id: s.id, taskId: s.taskId, startAt: s.startAt })) };
  });
