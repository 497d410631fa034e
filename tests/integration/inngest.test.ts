// The Inngest functions, driven by @inngest/test against the real database: the reminder sleeps until the
// right instant and sends only when the schedule still needs it; the sweep relays the outbox with its ids.
import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/services/push/send-reminder", () => ({
  sendReminder: vi.fn(async () => ({ delivered: 1, removed: 0, retryable: 0 })),
}));

import { inngest } from "@/inngest/client";
import { outboxSweep } from "@/inngest/functions/outbox-sweep";
import { REMINDER_SNOOZED, scheduleReminder } from "@/inngest/functions/schedule-reminder";
import { db } from "@/lib/db/client";
import { sendReminder } from "@/lib/services/push/send-reminder";
import { snoozeReminder } from "@/lib/services/reminders/snooze-reminder";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { deleteSchedule } from "@/lib/services/schedules/delete-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { updateSchedule } from "@/lib/services/schedules/update-schedule";
import { createTestMember } from "./../support/fixtures";

const send = vi.mocked(sendReminder);
beforeEach(() => send.mockClear());
afterEach(() => vi.restoreAllMocks());

const NOW = new Date(Date.now() + 60_000); // "now" of the plan; starts are set relative to it
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

async function armed(options: { lead?: number; startAt?: Date } = {}) {
  const member = await createTestMember();
  if (options.lead !== undefined)
    await db().member.update({ where: { id: member.id }, data: { reminderLeadMinutes: options.lead } });
  const schedule = await createSchedule(member.id, {
    title: "Write the intro",
    startAt: options.startAt ?? hours(2),
    type: "DEEP_WORK",
  });
  const event = {
    name: "schedule.created",
    id: "evt-" + schedule.id,
    data: { memberId: member.id, scheduleId: schedule.id },
  };
  return { member, schedule, event };
}

/** run the reminder with every sleep mocked (optionally doing something while "asleep") and the clock fixed */
function runReminder(
  event: { name: string; id?: string; data: Record<string, unknown> },
  whileAsleep?: () => Promise<void>,
) {
  const sleeps = Array.from({ length: 10 }, (_, i) => ({
    id: `sleep-${i}`,
    handler: async () => {
      if (i === 0) await whileAsleep?.();
    },
  }));
  const t = new InngestTestEngine({
    function: scheduleReminder,
    events: [event as never],
    steps: [{ id: "planned-at", handler: () => NOW.toISOString() }, ...sleeps],
  });
  return t.execute();
}

describe("the reminder", () => {
  it("sleeps until start − lead time, then sends the reminder with its idempotency key", async () => {
    const { member, schedule, event } = await armed({ lead: 10 });
    const { result, ctx } = await runReminder(event);
    expect(ctx.step.sleepUntil).toHaveBeenCalledTimes(1);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("sleep-0", new Date(hours(2).getTime() - 10 * 60_000));
    expect(result).toMatchObject({ reminded: true });
    expect(send).toHaveBeenCalledTimes(1);
    const [memberId, payload, options] = send.mock.calls[0]!;
    expect(memberId).toBe(member.id);
    expect(payload).toMatchObject({
      kind: "reminder",
      key: `reminder:${schedule.id}:${Math.floor(hours(2).getTime() / 1000)}`,
      scheduleId: schedule.id,
      title: "Write the intro",
      startAt: hours(2).toISOString(),
      url: `/today?schedule=${schedule.id}`,
    });
    expect(options.ttlSeconds).toBeGreaterThan(0);
  });

  it("respects the member's lead time", async () => {
    const { event } = await armed({ lead: 60 });
    const { ctx } = await runReminder(event);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("sleep-0", hours(1));
  });

  it("sends nothing when the schedule started, was rescheduled or was deleted while it slept", async () => {
    const started = await armed();
    expect(
      (
        await runReminder(
          started.event,
          async () => void (await transitionSchedule(started.member.id, started.schedule.id, "start")),
        )
      ).result,
    ).toMatchObject({ reminded: false, delivery: { sent: false, reason: "started" } });

    const moved = await armed();
    expect(
      (
        await runReminder(
          moved.event,
          async () => void (await updateSchedule(moved.member.id, moved.schedule.id, { startAt: hours(5) })),
        )
      ).result,
    ).toMatchObject({ reminded: false, delivery: { sent: false, reason: "rescheduled" } });

    const gone = await armed();
    expect(
      (await runReminder(gone.event, () => deleteSchedule(gone.member.id, gone.schedule.id))).result,
    ).toMatchObject({
      reminded: false,
      delivery: { sent: false, reason: "gone" },
    });
    expect(send).not.toHaveBeenCalled();
  });

  it("arms nothing for a start already gone, and fires at once inside the lead time", async () => {
    const past = await armed({ startAt: new Date(Date.now() - 60_000) });
    const { result, ctx } = await runReminder(past.event);
    expect(result).toMatchObject({ reminded: false, reason: "nothing to remind" });
    expect(ctx.step.sleepUntil).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();

    const soon = await armed({ lead: 10, startAt: new Date(Date.now() + 5 * 60_000) });
    const atOnce = await runReminder(soon.event);
    expect(atOnce.ctx.step.sleepUntil).not.toHaveBeenCalled();
    expect(atOnce.result).toMatchObject({ reminded: true });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("cuts a reminder 20 days away into sleeps of at most 6 days, re-checking between them", async () => {
    const { event } = await armed({ lead: 0, startAt: hours(20 * 24) });
    const { ctx, result } = await runReminder(event);
    const calls = vi
      .mocked(ctx.step.sleepUntil)
      .mock.calls.map(([id, at]) => [id, new Date(at as Date).getTime() - NOW.getTime()]);
    expect(calls).toEqual([
      ["sleep-0", 6 * 86_400_000],
      ["sleep-1", 12 * 86_400_000],
      ["sleep-2", 18 * 86_400_000],
      ["sleep-3", 20 * 86_400_000],
    ]);
    expect(ctx.step.run).toHaveBeenCalledWith("recheck-2", expect.any(Function));
    expect(result).toMatchObject({ reminded: true });
  });

  it("a snooze re-arms it for the snooze instant, under a key of its own", async () => {
    const { member, schedule } = await armed();
    const { snooze } = await snoozeReminder(member.id, schedule.id, 10, { now: NOW });
    const until = new Date(snooze.until);
    expect(until).toEqual(new Date(NOW.getTime() + 10 * 60_000));
    const { ctx, result } = await runReminder({
      name: REMINDER_SNOOZED,
      data: { scheduleId: schedule.id, memberId: member.id },
    });
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("sleep-0", until);
    expect(result).toMatchObject({ reminded: true });
    expect(send.mock.calls[0]![1].key).toBe(
      `reminder:${schedule.id}:${Math.floor(hours(2).getTime() / 1000)}:snooze:${Math.floor(until.getTime() / 1000)}`,
    );
  });

  it("a snooze superseded by a later one sends nothing; the later one sends", async () => {
    const { member, schedule } = await armed();
    await snoozeReminder(member.id, schedule.id, 10, { now: NOW });
    const event = { name: REMINDER_SNOOZED, data: { scheduleId: schedule.id, memberId: member.id } };
    const first = await runReminder(event, async () => {
      await snoozeReminder(member.id, schedule.id, 60, { now: NOW });
    });
    expect(first.result).toMatchObject({ reminded: false, delivery: { sent: false, reason: "snoozed again" } });
    expect(send).not.toHaveBeenCalled();
    const second = await runReminder(event);
    expect(second.ctx.step.sleepUntil).toHaveBeenCalledWith("sleep-0", hours(1));
    expect(second.result).toMatchObject({ reminded: true });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("fails the send step while some device must be retried, so that Inngest retries it", async () => {
    send.mockResolvedValueOnce({ delivered: 1, removed: 0, retryable: 1 });
    const { event } = await armed();
    const output = (await runReminder(event)) as { error?: { message?: string } };
    expect(output.error?.message).toBe("1 device(s) to retry");
  });

  it("refuses a malformed event before any step (its ids-only payload is parsed by zod)", async () => {
    const { member } = await armed();
    for (const data of [{ memberId: member.id }, { memberId: member.id, scheduleId: "not-a-uuid" }, {}]) {
      const output = (await runReminder({ name: "schedule.created", data })) as {
        error?: { message?: string };
        ctx?: { step: { run: { mock: { calls: unknown[] } } } };
      };
      expect(output.error?.message ?? "").toMatch(/scheduleId|memberId|valid/i);
      expect(output.ctx?.step.run.mock.calls ?? []).toEqual([]);
    }
    expect(send).not.toHaveBeenCalled();
  });

  it("is cancelled only by events of the same schedule", () => {
    // getConfig is what the SDK registers with Inngest; it is not public API, so it is reached through a cast
    type Registration = { cancel?: unknown; triggers?: unknown };
    const registered = scheduleReminder as unknown as {
      getConfig(o: { baseUrl: URL; appPrefix: string }): Registration[];
    };
    const config = registered.getConfig({
      baseUrl: new URL("http://127.0.0.1:3000/api/inngest"),
      appPrefix: "pinit",
    })[0]!;
    expect(config.cancel).toEqual([
      { event: "schedule.started", if: "async.data.scheduleId == event.data.scheduleId" },
      { event: "schedule.rescheduled", if: "async.data.scheduleId == event.data.scheduleId && async.id != event.id" },
      { event: "schedule.deleted", if: "async.data.scheduleId == event.data.scheduleId" },
    ]);
    expect(config.triggers).toEqual(
      ["schedule.created", "schedule.rescheduled", "schedule.stopped", "schedule.reset", REMINDER_SNOOZED].map(
        (event) => ({ event }),
      ),
    );
  });
});

describe("the outbox sweep", () => {
  it("sends the unsent events to Inngest with the outbox id as the event id, and marks them sent", async () => {
    await db().outboxEvent.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
    const { member, schedule } = await armed();
    const sent = vi.spyOn(inngest, "send").mockResolvedValue({ ids: [] } as never);
    const t = new InngestTestEngine({ function: outboxSweep });
    const { result } = await t.execute();
    expect(result).toMatchObject({ sent: 1, failed: 0 });
    const [row] = await db().outboxEvent.findMany({ where: { memberId: member.id } });
    expect(sent).toHaveBeenCalledWith([
      {
        id: row!.id,
        name: "schedule.created",
        ts: row!.occurredAt.getTime(),
        data: {
          id: row!.id,
          type: "schedule.created",
          occurredAt: row!.occurredAt.toISOString(),
          memberId: member.id,
          scheduleId: schedule.id,
        },
      },
    ]);
    expect((await db().outboxEvent.findUniqueOrThrow({ where: { id: row!.id } })).sentAt).not.toBeNull();
  });

  it("leaves the events unsent when Inngest cannot be reached", async () => {
    await db().outboxEvent.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
    const { member } = await armed();
    vi.spyOn(inngest, "send").mockRejectedValue(new Error("connect ECONNREFUSED 127.0.0.1:8288"));
    const { result } = await new InngestTestEngine({ function: outboxSweep }).execute();
    expect(result).toMatchObject({ sent: 0, failed: 1 });
    expect(await db().outboxEvent.count({ where: { memberId: member.id, sentAt: null } })).toBe(1);
  });
});
