// The member's history for estimates (lib/domain/goals/estimates.ts): the real minutes of each completed task
// with recorded time, in one query.
import { db } from "@/lib/db/client";
import { estimator, realMinutes, type Estimator } from "@/lib/domain/goals/estimates";
import type { Tx } from "../transaction";

export async function memberEstimator(client: Tx | ReturnType<typeof db>, memberId: string): Promise<Estimator> {
  // seconds as the statistics count them: each closed session truncated to whole seconds
  const rows = await client.$queryRaw<{ difficulty: number; seconds: number }[]>`
    SELECT t.difficulty, sum(floor(extract(epoch FROM w."endedAt" - w."startedAt")))::int AS seconds
    FROM tasks t
    JOIN schedules s ON s."taskId" = t.id
    JOIN work_sessions w ON w."scheduleId" = s.id AND w."endedAt" IS NOT NULL
    WHERE t."memberId" = ${memberId}::uuid AND t."completedAt" IS NOT NULL
    GROUP BY t.id, t.difficulty`;
  return estimator(rows.map((r) => ({ difficulty: r.difficulty, minutes: realMinutes(r.seconds) })));
}
