// Edit a goal's title, description, target date or status. A stale `version` is CONFLICT. A change emits
// goal.updated; becoming ACHIEVED (the member's choice) emits goal.achieved too. An empty change writes nothing.
import { conflict } from "@/lib/domain/errors";
import type { GoalStatus } from "@/lib/domain/limits";
import { newEvent, publish, type PublishedEvent } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { inTransaction, lockMember } from "../transaction";
import { fromDateString } from "../views";
import { lockGoal } from "./locks";
import { goalViews, type GoalView } from "./read-goals";

export type UpdateGoalInput = {
  title?: string;
  description?: string;
  targetDate?: string | null;
  status?: GoalStatus;
  version?: number;
};

export async function updateGoal(
  memberId: string,
  goalId: string,
  input: UpdateGoalInput,
  now = new Date(),
): Promise<GoalView> {
  const { goal, events } = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const current = await lockGoal(tx, memberId, goalId);
    if (input.version !== undefined && input.version !== current.version) throw conflict();
    const data = {
      title: input.title,
      description: input.description,
      targetDate:
        input.targetDate === undefined
          ? undefined
          : input.targetDate === null
            ? null
            : fromDateString(input.targetDate),
      status: input.status,
    };
    const changed = Object.values(data).some((v) => v !== undefined);
    const row = changed
      ? await tx.goal.update({ where: { id: goalId }, data: { ...data, version: { increment: 1 } } })
      : await tx.goal.findUniqueOrThrow({ where: { id: goalId } });
    const toPublish: PublishedEvent[] = [];
    if (changed) toPublish.push(newEvent("goal.updated", { memberId, goalId }, now));
    if (input.status === "ACHIEVED" && current.status !== "ACHIEVED")
      toPublish.push(newEvent("goal.achieved", { memberId, goalId }, now));
    const events = await publish(tx, toPublish);
    const [goal] = await goalViews(tx, memberId, [row], now);
    return { goal: goal!, events };
  });
  relayAfterCommit(events);
  return goal;
}
