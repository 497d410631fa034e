// Create a goal (goal.created).
import { newEvent, publish } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { inTransaction, lockMember } from "../transaction";
import { fromDateString } from "../views";
import { goalViews, type GoalView } from "./read-goals";

export type CreateGoalInput = { title: string; description?: string; targetDate?: string | null };

export async function createGoal(memberId: string, input: CreateGoalInput, now = new Date()): Promise<GoalView> {
  const { goal, events } = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const row = await tx.goal.create({
      data: {
        memberId,
        title: input.title,
        description: input.description ?? "",
        targetDate: input.targetDate ? fromDateString(input.targetDate) : null,
      },
    });
    const events = await publish(tx, [newEvent("goal.created", { memberId, goalId: row.id }, now)]);
    const [goal] = await goalViews(tx, memberId, [row], now);
    return { goal: goal!, events };
  });
  relayAfterCommit(events);
  return goal;
}
