// The statistics projection equals a recomputation from the sessions after a random workload
// (random allowed actions, switches, resets, deletes, task completions, sessions across midnight).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { SCHEDULE_ACTIONS } from "@/lib/domain/schedule-transitions";
import { SCHEDULE_TYPES } from "@/lib/domain/limits";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { deleteSchedule } from "@/lib/services/schedules/delete-schedule";
import { getSchedule } from "@/lib/services/schedules/read-schedules";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { completeTask, reopenTask } from "@/lib/services/tasks/complete-task";
import { createTask } from "@/lib/services/tasks/create-task";
import { weekStatistics } from "@/lib/services/statistics/week-statistics";
import { isDomainError } from "@/lib/domain/errors";
import { createTestMember } from "../support/fixtures";

type Row = { day: string; type: string; seconds: number; completedCount: number };

/** the projection as stored */
async function projection(memberId: string): Promise<Row[]> {
  return db().$queryRaw<Row[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, type::text AS type, seconds, "completedCount"
    FROM daily_statistics WHERE "memberId" = ${memberId}::uuid AND (seconds <> 0 OR "completedCount" <> 0)
    ORDER BY day, type`;
}

/** the same numbers recomputed from completed schedules and their sessions, in SQL */
async function recomputed(memberId: string): Promise<Row[]> {
  return db().$queryRaw<Row[]>`
    WITH secs AS (
      SELECT w.day, s.type, sum(floor(extract(epoch FROM w."endedAt" - w."startedAt")))::int AS seconds
      FROM work_sessions w JOIN schedules s ON s.id = w."scheduleId"
      WHERE s."memberId" = ${memberId}::uuid AND s.state = 'COMPLETED'
      GROUP BY w.day, s.type
    ), done AS (
      SELECT "completedOn" AS day, type, count(*)::int AS n FROM schedules
      WHERE "memberId" = ${memberId}::uuid AND state = 'COMPLETED' GROUP BY "completedOn", type
    )
    SELECT to_char(coalesce(secs.day, done.day), 'YYYY-MM-DD') AS day, coalesce(secs.type, done.type)::text AS type,
           coalesce(secs.seconds, 0) AS seconds, coalesce(done.n, 0) AS "completedCount"
    FROM secs FULL JOIN done ON secs.day = done.day AND secs.type = done.type
    WHERE coalesce(secs.seconds, 0) <> 0 OR coalesce(done.n, 0) <> 0
    ORDER BY 1, 2`;
}

const step = fc.oneof(
  fc.record({
    kind: fc.constant("transition" as const),
    schedule: fc.nat(4),
    action: fc.constantFrom(...SCHEDULE_ACTIONS),
    switch: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("task" as const), schedule: fc.nat(4), complete: fc.boolean() }),
  fc.record({ kind: fc.constant("delete" as const), schedule: fc.nat(4) }),
);

describe("statistics projection", () => {
  it("equals a recomputation from sessions after a random workload", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, fc.integer({ min: 1, max: 4 * 3600 })), { minLength: 5, maxLength: 40 }),
        fc.constantFrom("Asia/Seoul", "America/New_York", "UTC"),
        async (steps, timezone) => {
          const member = await createTestMember({ timezone });
          let now = new Date("2026-11-22T13:00:00.000Z"); // close to midnight in Seoul: sessions cross it
          const ids: (string | null)[] = [];
          const tasks: (string | null)[] = [];
          for (let i = 0; i < 5; i++) {
            const task =
              i % 2 === 0
                ? await createTask(member.id, { title: `t${i}`, deadline: "2026-12-31", importance: 5, difficulty: 2 })
                : null;
            const s = await createSchedule(
              member.id,
              { title: `s${i}`, startAt: now, type: SCHEDULE_TYPES[i % 3]!, taskId: task?.id },
              now,
            );
            ids.push(s.id);
            tasks.push(task?.id ?? null);
          }
          for (const [st, gap] of steps) {
            now = new Date(now.getTime() + gap * 1000 + 137);
            const id = ids[st.schedule];
            if (!id) continue;
            try {
              if (st.kind === "transition")
                await transitionSchedule(member.id, id, st.action, { switch: st.switch, now });
              else if (st.kind === "task" && tasks[st.schedule]) {
                await (st.complete ? completeTask : reopenTask)(member.id, tasks[st.schedule]!, now);
              } else if (st.kind === "delete") {
                await deleteSchedule(member.id, id, {}, now);
                ids[st.schedule] = null;
              }
            } catch (e) {
              if (!isDomainError(e)) throw e; // refusals are part of a random workload; anything else is a bug
            }
          }
          expect(await projection(member.id)).toEqual(await recomputed(member.id));

          // and the week's total is the sum of its completed schedules' elapsed seconds
          const remaining = ids.filter((x): x is string => x !== null);
          const views = await Promise.all(remaining.map((id) => getSchedule(member.id, id, now)));
          const rows = await recomputed(member.id);
          const days = new Set(rows.map((r) => r.day));
          let total = 0;
          for (const d of days) {
            const weekTotal = (await weekStatistics(member.id, d)).days.find((x) => x.date === d)?.seconds ?? 0;
            total += weekTotal;
          }
          expect(total).toBe(
            views.filter((v) => v.state === "COMPLETED").reduce((sum, v) => sum + v.elapsedSeconds, 0),
          );
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
