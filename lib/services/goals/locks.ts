// Reading a goal inside a write: the member's own, else NOT_FOUND (another member's id answers the same).
import { notFound } from "@/lib/domain/errors";
import type { GoalStatus } from "@/lib/domain/limits";
import { assertId, type Tx } from "../transaction";

export type LockedGoal = { id: string; memberId: string; status: GoalStatus; version: number };

/** the member's goal, locked FOR UPDATE until the transaction ends */
export async function lockGoal(tx: Tx, memberId: string, goalId: string): Promise<LockedGoal> {
  assertId(goalId, "Goal");
  const rows = await tx.$queryRaw<LockedGoal[]>`
    SELECT id, "memberId", status::text AS status, version FROM goals
    WHERE id = ${goalId}::uuid AND "memberId" = ${memberId}::uuid FOR UPDATE`;
  const goal = rows[0];
  if (!goal) throw notFound("Goal");
  return goal;
}

/** a goalId a task names must be the member's own goal (the caller holds the member lock, so it cannot vanish) */
export async function assertOwnGoal(tx: Tx, memberId: string, goalId: string): Promise<void> {
  assertId(goalId, "Goal");
  const found = await tx.goal.count({ where: { id: goalId, memberId } });
  if (found === 0) throw notFound("Goal");
}
