import "server-only";
// POST /goals/{id}/breakdown and the goal page's "Break it down": the member's own goal, in their language and
// from their local today, handed to proposeBreakdown. Reads only; nothing is written until the member accepts.
import type { BreakdownInput, BreakdownProposal } from "@/lib/contracts/breakdown";
import { localDate } from "@/lib/domain/time";
import { getMemberView } from "../members/view";
import { proposeBreakdown, type ProposeOptions } from "./propose-breakdown";
import { getGoal } from "./read-goals";

export async function breakdownGoal(
  memberId: string,
  goalId: string,
  input: BreakdownInput,
  options: ProposeOptions & { now?: Date } = {},
): Promise<BreakdownProposal> {
  const now = options.now ?? new Date();
  const goal = await getGoal(memberId, goalId, now); // 404 for another member's goal
  const member = await getMemberView(memberId);
  return proposeBreakdown(
    {
      goal: { title: goal.title, description: goal.description, targetDate: goal.targetDate },
      locale: member.locale,
      today: localDate(now, member.timezone),
      hint: input.hint,
      maxTasks: input.maxTasks,
    },
    options,
  );
}
