// Delete a goal (goal.deleted). Its tasks are unlinked and kept, or with deleteTasks its open tasks are deleted
// with it (their not-started schedules too, so no block of a deleted task stays on the calendar; completed tasks
// keep their history and are only unlinked). deleteTasks is refused while one of the open tasks has a schedule
// IN_PROGRESS or PAUSED: stop or complete it first. A stale `version` is CONFLICT.
import { conflict, illegalTransition } from "@/lib/domain/errors";
import type { DomainEvent } from "@/lib/domain/events";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { newEvent, publish } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { removeSchedule } from "../schedules/delete-schedule";
import { lockSchedule } from "../schedules/locks";
import { inTransaction, lockMember } from "../transaction";
import { lockGoal } from "./locks";

export async function deleteGoal(
  memberId: string,
  goalId: string,
  options: { deleteTasks?: boolean; version?: number } = {},
  now = new Date(),
): Promise<void> {
  const events = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const goal = await lockGoal(tx, memberId, goalId);
    if (options.version !== undefined && options.version !== goal.version) throw conflict();
    const published: DomainEvent[] = [];
    if (options.deleteTasks) {
      const open = await tx.task.findMany({
        where: { memberId, goalId, completedAt: null },
        select: { id: true, schedule: { select: { id: true } } },
        orderBy: { id: "asc" },
      });
      const schedules = [];
      for (const task of open) if (task.schedule) schedules.push(await lockSchedule(tx, memberId, task.schedule.id));
      const running = schedules.find((s) => s.state === "IN_PROGRESS" || s.state === "PAUSED");
      if (running) {
        throw illegalTransition(
          running.state,
          allowedActions(running.state),
          "Stop or complete the goal's running schedule before deleting its tasks.",
        );
      }
      for (const schedule of schedules) published.push(...(await removeSchedule(tx, schedule, now)));
      if (open.length > 0) await tx.task.deleteMany({ where: { id: { in: open.map((t) => t.id) } } });
    }
    // the key (goalId, memberId) has no ON DELETE SET NULL of one column: unlink what remains first
    await tx.task.updateMany({ where: { memberId, goalId }, data: { goalId: null, version: { increment: 1 } } });
    await tx.goal.delete({ where: { id: goalId } });
    published.push(...(await publish(tx, [newEvent("goal.deleted", { memberId, goalId }, now)])));
    return published;
  });
  relayAfterCommit(events);
}
