import "server-only";
// The database's side of the reminder status in settings (issue 17.4): whether this device is subscribed for the
// signed-in member, when a reminder last reached it (and any of the member's devices), and how many of the
// member's events wait in the outbox for the event engine. Scoped to the member: another member's endpoint
// reads as not subscribed.
import { db } from "@/lib/db/client";

export type DeviceRef = { endpoint?: string; fcmToken?: string };

export type ReminderDeviceStatus = {
  subscribed: boolean;
  deviceLastSentAt: Date | null;
  lastSentAt: Date | null;
  waitingEvents: number;
};

/** an event still unsent this long after it happened is waiting on the engine, not on the relay after commit */
const WAITING_AFTER_MS = 60_000;

export async function reminderDeviceStatus(
  memberId: string,
  device: DeviceRef,
  now = new Date(),
): Promise<ReminderDeviceStatus> {
  const named = device.endpoint
    ? { endpoint: device.endpoint }
    : device.fcmToken
      ? { fcmToken: device.fcmToken }
      : null;
  const [own, latest, waitingEvents] = await Promise.all([
    named
      ? db().pushSubscription.findFirst({ where: { memberId, ...named }, select: { lastSentAt: true } })
      : Promise.resolve(null),
    db().pushSubscription.aggregate({ where: { memberId }, _max: { lastSentAt: true } }),
    db().outboxEvent.count({
      where: { memberId, sentAt: null, occurredAt: { lt: new Date(now.getTime() - WAITING_AFTER_MS) } },
    }),
  ]);
  return {
    subscribed: own !== null,
    deviceLastSentAt: own?.lastSentAt ?? null,
    lastSentAt: latest._max.lastSentAt ?? null,
    waitingEvents,
  };
}
