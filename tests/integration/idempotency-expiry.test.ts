// Idempotency keys expire after IDEMPOTENCY_TTL_HOURS: a request that reuses an expired key is a new request
// (its claim takes the old record over in one statement), and the minute's sweep deletes expired records that
// nobody reuses. Live records are never touched by either.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { outboxSweep } from "@/inngest/functions/outbox-sweep";
import { inngest } from "@/inngest/client";
import { db } from "@/lib/db/client";
import { IDEMPOTENCY_TTL_HOURS } from "@/lib/domain/limits";
import { sweepExpiredIdempotencyRecords } from "@/lib/services/idempotency-sweep";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { createTestMember } from "../support/fixtures";

const HOUR = 3_600_000;

async function memberWithSchedule() {
  const member = await createTestMember();
  const schedule = await createSchedule(member.id, { title: "Expiry", startAt: new Date(), type: "DEEP_WORK" });
  return { member, schedule };
}

/** moves a record's creation back by `hours` */
async function age(memberId: string, key: string, hours: number) {
  await db().$executeRaw`
    UPDATE idempotency_records SET "createdAt" = now() - make_interval(hours => ${hours})
    WHERE "memberId" = ${memberId}::uuid AND key = ${key}`;
}

const record = (memberId: string, key: string) =>
  db().idempotencyRecord.findUnique({ where: { memberId_key: { memberId, key } } });

describe("expired idempotency keys", () => {
  it("an expired key answers afresh: the request runs again and its answer replaces the old one", async () => {
    const { member, schedule } = await memberWithSchedule();
    const key = "expiring-1";
    const first = await transitionSchedule(member.id, schedule.id, "start", { idempotency: { key, fingerprint: "a" } });
    await transitionSchedule(member.id, schedule.id, "pause");
    await age(member.id, key, IDEMPOTENCY_TTL_HOURS + 1);

    // another fingerprint too: an expired key is no longer "used for a different request"
    const again = await transitionSchedule(member.id, schedule.id, "resume", {
      idempotency: { key, fingerprint: "b" },
    });
    expect(again.replayed).toBe(false);
    expect(again.schedule.state).toBe("IN_PROGRESS");
    expect(again.schedule.version).toBe(first.schedule.version + 2);
    const stored = await record(member.id, key);
    expect(stored?.fingerprint).toBe("b");
    expect(Date.now() - stored!.createdAt.getTime()).toBeLessThan(HOUR);
    expect(stored?.body).toEqual({ ok: true, value: again.schedule });

    const repeat = await transitionSchedule(member.id, schedule.id, "resume", {
      idempotency: { key, fingerprint: "b" },
    });
    expect(repeat).toEqual({ schedule: again.schedule, replayed: true });
  });

  it("a key just inside its TTL is still replayed", async () => {
    const { member, schedule } = await memberWithSchedule();
    const key = "live-1";
    const first = await transitionSchedule(member.id, schedule.id, "start", { idempotency: { key, fingerprint: "a" } });
    await age(member.id, key, IDEMPOTENCY_TTL_HOURS - 1);
    const again = await transitionSchedule(member.id, schedule.id, "start", { idempotency: { key, fingerprint: "a" } });
    expect(again).toEqual({ schedule: first.schedule, replayed: true });
  });

  it("two requests racing on one expired key: exactly one runs, the other gets its answer", async () => {
    const { member, schedule } = await memberWithSchedule();
    const key = "expiring-race";
    await transitionSchedule(member.id, schedule.id, "start", { idempotency: { key, fingerprint: "a" } });
    await transitionSchedule(member.id, schedule.id, "pause");
    await age(member.id, key, IDEMPOTENCY_TTL_HOURS + 1);
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        transitionSchedule(member.id, schedule.id, "resume", { idempotency: { key, fingerprint: "b" } }),
      ),
    );
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    for (const a of answers) expect(a.schedule).toEqual(answers[0]!.schedule);
    expect(await db().workSession.count({ where: { scheduleId: schedule.id, endedAt: null } })).toBe(1);
  });
});

describe("the sweep of expired idempotency records", () => {
  it("deletes the expired records and keeps the live ones", async () => {
    const { member, schedule } = await memberWithSchedule();
    await transitionSchedule(member.id, schedule.id, "start", { idempotency: { key: "old", fingerprint: "a" } });
    await transitionSchedule(member.id, schedule.id, "pause", { idempotency: { key: "new", fingerprint: "a" } });
    await age(member.id, "old", IDEMPOTENCY_TTL_HOURS + 1);
    await age(member.id, "new", IDEMPOTENCY_TTL_HOURS - 1);

    expect(await sweepExpiredIdempotencyRecords()).toBeGreaterThanOrEqual(1);
    expect(await record(member.id, "old")).toBeNull();
    expect(await record(member.id, "new")).not.toBeNull();
    expect(await sweepExpiredIdempotencyRecords()).toBe(0);
  });

  it("runs in the minute's outbox sweep", async () => {
    const { member, schedule } = await memberWithSchedule();
    await transitionSchedule(member.id, schedule.id, "start", { idempotency: { key: "cron", fingerprint: "a" } });
    await age(member.id, "cron", IDEMPOTENCY_TTL_HOURS + 1);
    vi.spyOn(inngest, "send").mockResolvedValue({ ids: [] } as never);
    const { result } = await new InngestTestEngine({ function: outboxSweep }).execute();
    expect(result).toMatchObject({ failed: 0, expiredIdempotencyRecords: 1 });
    expect(await record(member.id, "cron")).toBeNull();
    vi.restoreAllMocks();
  });
});
