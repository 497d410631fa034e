// The transition's hot path, statement by statement (issue 16.1): BEGIN, the locks, the read under them, one write,
// COMMIT; with an idempotency key, its claim, savepoint and stored answer around that. And the answer, which is
// now built from what was locked and written instead of read back, equals what a fresh read of the schedule shows.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSITION_EVENT } from "@/lib/domain/events";
import type { ScheduleAction } from "@/lib/domain/schedule-transitions";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { getSchedule } from "@/lib/services/schedules/read-schedules";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { createTestMember, outboxOf } from "../support/fixtures";

const sent: string[] = [];
let counting = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;

beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (counting) {
      const first = args[0] as string | { text?: string };
      sent.push((typeof first === "string" ? first : (first?.text ?? "")).trim().split(/\s+/)[0]!.toUpperCase());
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
});
afterAll(() => {
  pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
});

/** the statements `work` sends, by their first word */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  sent.length = 0;
  counting = true;
  try {
    await work();
  } finally {
    counting = false;
  }
  return [...sent];
}

const PATHS: Record<ScheduleAction, ScheduleAction[]> = {
  start: [],
  pause: ["start"],
  resume: ["start", "pause"],
  complete: ["start"],
  stop: ["start"],
  reset: ["start", "complete"],
};

describe("a transition's statements", () => {
  for (const [action, path] of Object.entries(PATHS) as [ScheduleAction, ScheduleAction[]][]) {
    it(`${action}: lock, read, write in three statements (seven with an idempotency key), and answers what is stored`, async () => {
      for (const keyed of [false, true]) {
        const member = await createTestMember({ timezone: "Asia/Seoul" });
        const s = await createSchedule(member.id, { title: "Count", startAt: new Date(), type: "DEEP_WORK" });
        for (const step of path) await transitionSchedule(member.id, s.id, step);
        let answer: Awaited<ReturnType<typeof transitionSchedule>> | undefined;
        const idempotency = keyed ? { key: `count-${action}`, fingerprint: action } : undefined;
        const now = new Date();
        const statements = await statementsOf(async () => {
          answer = await transitionSchedule(member.id, s.id, action, { idempotency, now });
        });
        expect(statements).toEqual(
          keyed
            ? ["BEGIN", "INSERT", "SAVEPOINT", "SELECT", "SELECT", "WITH", "RELEASE", "UPDATE", "COMMIT"]
            : ["BEGIN", "SELECT", "SELECT", "WITH", "COMMIT"],
        );
        expect(answer!.schedule).toEqual(await getSchedule(member.id, s.id, now));
        expect((await outboxOf(member.id)).at(-1)?.type).toBe(TRANSITION_EVENT[action]);
      }
    });
  }
});
