// The load test's invariants (scripts/bench/invariants.ts) hold after real transitions, and each one catches the
// corruption it is about: a check that cannot fail would let the load test pass whatever happened.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/services/transaction";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { checkInvariants } from "../../scripts/bench/invariants";
import { at, createTestMember } from "../support/fixtures";

class RolledBack extends Error {}

/** the violations per check after `corrupt` ran, all in one transaction that is then rolled back */
async function violationsAfter(
  memberId: string,
  corrupt: (tx: Tx) => Promise<unknown>,
): Promise<Record<string, number>> {
  let found: Record<string, number> = {};
  await db()
    .$transaction(async (tx) => {
      await corrupt(tx);
      const results = await checkInvariants((sql) => tx.$queryRawUnsafe<unknown[]>(sql), [memberId]);
      found = Object.fromEntries(results.filter((r) => r.violations > 0).map((r) => [r.name, r.violations]));
      throw new RolledBack();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RolledBack)) throw e;
    });
  return found;
}

/** a member with a completed schedule (two sessions), a paused one and a running one */
async function playedMember() {
  const member = await createTestMember({ timezone: "Asia/Seoul" });
  const [a, b, c] = await Promise.all(
    ["a", "b", "c"].map((title) =>
      createSchedule(member.id, { title, startAt: at("2026-03-02T00:00:00Z"), type: "DEEP_WORK" }),
    ),
  );
  const play = (id: string, action: "start" | "pause" | "resume" | "complete", iso: string, switchRunning = false) =>
    transitionSchedule(member.id, id, action, { now: at(iso), switch: switchRunning });
  await play(a!.id, "start", "2026-03-02T01:00:00Z");
  await play(a!.id, "pause", "2026-03-02T01:20:00Z");
  await play(a!.id, "resume", "2026-03-02T02:00:00Z");
  await play(a!.id, "complete", "2026-03-02T02:10:30Z");
  await play(b!.id, "start", "2026-03-02T03:00:00Z");
  await play(c!.id, "start", "2026-03-02T03:30:00Z", true); // pauses b
  return { member, a: a!, b: b!, c: c! };
}

const ACTIVE = "at most one active schedule per member";
const OVERLAP = "no overlapping work sessions of one member";
const OPEN = "an open session exactly when the schedule runs";
const STATISTICS = "statistics projection equals the recomputation from sessions";
const OUTBOX = "one outbox event per transition (version − 1 per schedule)";

describe("the load test's invariants", () => {
  it("hold after real transitions, switches included", async () => {
    const { member } = await playedMember();
    expect(await violationsAfter(member.id, async () => undefined)).toEqual({});
  });

  it("catch two running schedules of one member (with the index that forbids it dropped)", async () => {
    const { member, b } = await playedMember();
    const found = await violationsAfter(member.id, async (tx) => {
      await tx.$executeRawUnsafe(`DROP INDEX schedules_one_in_progress_per_member`);
      await tx.$executeRaw`UPDATE schedules SET state = 'IN_PROGRESS' WHERE id = ${b.id}::uuid`;
    });
    expect(found[ACTIVE]).toBe(1);
    expect(found[OPEN]).toBe(1); // b runs without an open session
  });

  it("catch overlapping sessions of two schedules", async () => {
    const { member, b } = await playedMember();
    const found = await violationsAfter(
      member.id,
      (tx) =>
        // a's first session ran 01:00–01:20; b gets a closed one inside it
        tx.$executeRaw`INSERT INTO work_sessions (id, "memberId", "scheduleId", "startedAt", "endedAt", day)
        VALUES (gen_random_uuid(), ${member.id}::uuid, ${b.id}::uuid, ${at("2026-03-02T01:10:00Z")}, ${at("2026-03-02T01:15:00Z")}, '2026-03-02')`,
    );
    expect(found).toEqual({ [OVERLAP]: 1 });
  });

  it("catch statistics that differ from their sessions by one second", async () => {
    const { member } = await playedMember();
    const found = await violationsAfter(
      member.id,
      (tx) => tx.$executeRaw`UPDATE daily_statistics SET seconds = seconds + 1 WHERE "memberId" = ${member.id}::uuid`,
    );
    expect(found).toEqual({ [STATISTICS]: 1 });
  });

  it("catch a lost outbox event and a doubled one", async () => {
    const { member, a, c } = await playedMember();
    const lost = await violationsAfter(
      member.id,
      (tx) =>
        tx.$executeRaw`DELETE FROM outbox_events WHERE id = (SELECT id FROM outbox_events WHERE "scheduleId" = ${a.id}::uuid AND type = 'schedule.paused')`,
    );
    expect(lost).toEqual({ [OUTBOX]: 1 });
    const doubled = await violationsAfter(
      member.id,
      (tx) =>
        tx.$executeRaw`INSERT INTO outbox_events (id, type, "memberId", "scheduleId", "occurredAt")
        SELECT gen_random_uuid(), type, "memberId", "scheduleId", "occurredAt" FROM outbox_events WHERE "scheduleId" = ${c.id}::uuid AND type = 'schedule.started'`,
    );
    expect(doubled).toEqual({ [OUTBOX]: 1 });
  });
});
