// A snooze is an outbox event like every other change (issue 17.3): with Inngest unreachable it still answers
// 200 and leaves exactly one schedule.snoozed row, which the relay delivers once Inngest is back; the reminder it
// re-arms is planned for the snooze's instant. Two snoozes at once under one key write one event.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// the Inngest client reads its event API URL from the environment when it is constructed (on import)
const inngestStub = await vi.hoisted(async () => {
  const { startInngestStub } = await import("../support/inngest-stub");
  const stub = await startInngestStub();
  const previous = process.env.INNGEST_EVENT_API_BASE_URL;
  const previousDev = process.env.INNGEST_DEV;
  process.env.INNGEST_EVENT_API_BASE_URL = stub.url;
  // the stub stands for a dev server: dev mode is only ever asked for (inngest/mode.ts)
  process.env.INNGEST_DEV = "1";
  return Object.assign(stub, { previousUrl: previous, previousDev });
});

import { sendToInngest } from "@/inngest/relay";
import { SnoozeAnswer } from "@/lib/contracts/reminder";
import { db } from "@/lib/db/client";
import { drainOutbox, type OutboxMessage } from "@/lib/services/outbox/drain";
import { registerOutboxSender } from "@/lib/services/outbox/relay";
import { planReminder } from "@/lib/services/reminders/reminder";
import { snoozeReminder } from "@/lib/services/reminders/snooze-reminder";
import { client, forgetMembers, newSchedule, ok, testMember } from "./api/client";

/** the real sender, counting the sends still under way (relayAfterCommit does not wait for them) */
const sender = {
  running: 0,
  async send(messages: readonly OutboxMessage[]) {
    sender.running++;
    try {
      await sendToInngest(messages);
    } finally {
      sender.running--;
    }
  },
};
const settled = () => expect.poll(() => sender.running, { timeout: 20_000 }).toBe(0);

const snoozeRows = (scheduleId: string) =>
  db().outboxEvent.findMany({ where: { scheduleId, type: "schedule.snoozed" }, orderBy: { sequence: "asc" } });

beforeAll(() => registerOutboxSender((m) => sender.send(m))); // as instrumentation.ts does
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  registerOutboxSender(undefined);
  await forgetMembers();
  await inngestStub.close();
  if (inngestStub.previousUrl === undefined) delete process.env.INNGEST_EVENT_API_BASE_URL;
  else process.env.INNGEST_EVENT_API_BASE_URL = inngestStub.previousUrl;
  if (inngestStub.previousDev === undefined) delete process.env.INNGEST_DEV;
  else process.env.INNGEST_DEV = inngestStub.previousDev;
});

describe("snoozing with the event engine down", () => {
  it(
    "answers 200 and leaves one outbox row, which the relay delivers when Inngest is back",
    { timeout: 60_000 },
    async () => {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const member = await testMember();
      const api = client(member);
      const schedule = await newSchedule(api);
      await settled();

      await inngestStub.setMode("refuse");
      const answer = ok(
        await api.post("/schedules/{id}/reminder/snooze", {
          params: { id: schedule.id },
          headers: { "Idempotency-Key": "down-1" },
        }),
        200,
        SnoozeAnswer,
      );
      await settled(); // the relay right after commit tried, and failed
      const [row, ...others] = await snoozeRows(schedule.id);
      expect(others).toEqual([]);
      expect(row).toMatchObject({ memberId: member.id, sentAt: null });
      expect(inngestStub.accepted).not.toContain(row!.id);

      // Inngest is back: the sweep delivers the row (its id is the event id), once
      await inngestStub.setMode("accept");
      const later = new Date(Date.now() + 3_600_000); // past any back-off of the failed relay
      expect((await drainOutbox((m) => sender.send(m), { now: () => later })).failed).toBe(0);
      expect(inngestStub.accepted.filter((id) => id === row!.id)).toHaveLength(1);
      expect((await db().outboxEvent.findUniqueOrThrow({ where: { id: row!.id } })).sentAt).not.toBeNull();
      expect((await drainOutbox((m) => sender.send(m), { now: () => later })).sent).toBe(0);
      expect(inngestStub.accepted.filter((id) => id === row!.id)).toHaveLength(1);

      // and the reminder it re-arms comes at the snooze's instant
      expect(await planReminder(schedule.id, { snoozed: true })).toMatchObject({
        scheduleId: schedule.id,
        remindAt: answer.until,
        snoozedUntil: answer.until,
      });
    },
  );

  it("relays the snooze right after commit when Inngest is up", async () => {
    await inngestStub.setMode("accept");
    const member = await testMember();
    const schedule = await newSchedule(client(member));
    await snoozeReminder(member.id, schedule.id, 60);
    await settled();
    const [row] = await snoozeRows(schedule.id);
    await expect
      .poll(async () => (await db().outboxEvent.findUniqueOrThrow({ where: { id: row!.id } })).sentAt)
      .not.toBeNull();
    expect(inngestStub.accepted.filter((id) => id === row!.id)).toHaveLength(1);
  });
});

describe("two snoozes at once", () => {
  it("under one Idempotency-Key (a double tap, a retry) write one event and answer the same until", async () => {
    await inngestStub.setMode("refuse");
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const member = await testMember();
    const schedule = await newSchedule(client(member));
    const idempotency = { key: "race-1", fingerprint: "POST /schedules/{id}/reminder/snooze {}" };
    const answers = await Promise.all(
      Array.from({ length: 2 }, () => snoozeReminder(member.id, schedule.id, 10, { idempotency })),
    );
    await settled();
    expect(answers[0]!.snooze).toEqual(answers[1]!.snooze);
    expect(answers.map((a) => a.replayed).sort()).toEqual([false, true]);
    expect(await snoozeRows(schedule.id)).toHaveLength(1);
    expect((await db().schedule.findUniqueOrThrow({ where: { id: schedule.id } })).snoozedUntil?.toISOString()).toBe(
      answers[0]!.snooze.until,
    );
  });
});
