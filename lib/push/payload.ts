// The push payload of a reminder (domain.md "Reminders and push"): what the server encrypts for each device and
// what the service worker (public/sw/payload.js) reads back. The service worker has no bundler, so it validates the same rules by hand
// (reminderFrom in public/sw/payload.js); tests/unit/push/service-worker.test.ts holds the two to the same cases.
//
// The key is the idempotency key of the notification: two copies of one reminder (a retried send, two
// transports, a repeated Inngest step) carry the same key and the service worker shows them once.

import * as z from "zod";
import { TITLE } from "@/lib/domain/limits";

/** longest key accepted: the service worker sends `<key>:start` as an Idempotency-Key (at most 255 characters) */
export const REMINDER_KEY_MAX = 200;
/** "reminder:" then url-safe characters and ":" (reminderKey and snoozedReminderKey spell it out) */
export const REMINDER_KEY_PATTERN = /^reminder:[A-Za-z0-9._:-]+$/;
/** a same-origin path: starts with one "/" (never "//" nor "/\", which browsers read as another host) */
export const REMINDER_URL_PATTERN = /^\/(?![/\\])[^\s\\]*$/;
export const REMINDER_URL_MAX = 2048;

/** the FCM data field that carries the JSON payload (FCM data values are strings) */
export const FCM_DATA_FIELD = "pinit";

const Uuid = z.guid("must be a UUID").toLowerCase();

export const ReminderPayload = z
  .strictObject({
    key: z
      .string()
      .max(REMINDER_KEY_MAX, `must be at most ${REMINDER_KEY_MAX} characters`)
      .regex(REMINDER_KEY_PATTERN, "must be reminder:<scheduleId>:<start epoch seconds>"),
    kind: z.literal("reminder"),
    scheduleId: Uuid,
    // the schedule's title as stored (1–40 characters); not trimmed again here
    title: z
      .string()
      .min(TITLE.min, "must not be empty")
      .refine((s) => [...s].length <= TITLE.max, {
        message: `must be at most ${TITLE.max} characters`,
      }),
    startAt: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant" }),
    url: z
      .string()
      .max(REMINDER_URL_MAX, `must be at most ${REMINDER_URL_MAX} characters`)
      .regex(REMINDER_URL_PATTERN, "must be a path of this site, such as /today?schedule=<id>"),
  })
  .meta({ id: "ReminderPayload" });

export type ReminderPayload = {
  /** "reminder:<scheduleId>:<start epoch seconds>" (reminderKey), or a snoozed one (snoozedReminderKey) */
  key: string;
  kind: "reminder";
  scheduleId: string;
  title: string;
  /** ISO 8601 instant */
  startAt: string;
  /** "/today?schedule=<id>" (reminderUrl) */
  url: string;
};

// the zod type and the declared one must not drift apart
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.output<typeof ReminderPayload>, ReminderPayload> = true;
void _sameShape;

const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** the idempotency key of the reminder of one start of one schedule */
export function reminderKey(scheduleId: string, startAt: Date): string {
  return `reminder:${scheduleId.toLowerCase()}:${epochSeconds(startAt)}`;
}

/**
 * The key of a snoozed reminder. It must differ from the first one: the service worker re-shows a key it has
 * already shown silently (renotify: false), so a snooze sent under the original key would never alert again.
 * One key per snooze instant, so a retried send of the same snooze still shows once.
 */
export function snoozedReminderKey(scheduleId: string, startAt: Date, snoozedUntil: Date): string {
  return `${reminderKey(scheduleId, startAt)}:snooze:${epochSeconds(snoozedUntil)}`;
}

/** the page a reminder opens */
export function reminderUrl(scheduleId: string): string {
  return `/today?schedule=${encodeURIComponent(scheduleId.toLowerCase())}`;
}

/**
 * The Web Push Topic of a schedule's reminders (RFC 8030 §5.4: at most 32 characters of the base64url
 * alphabet): its UUID without dashes is exactly 32 hex digits. A newer push with the same topic replaces an
 * undelivered older one at the push service. Undefined for an id that does not fit (then no Topic is sent).
 */
export function reminderTopic(scheduleId: string): string | undefined {
  const topic = scheduleId.replace(/-/g, "").toLowerCase();
  return /^[A-Za-z0-9_-]{1,32}$/.test(topic) ? topic : undefined;
}

/** the payload of a schedule's reminder, built from what the reminder re-read */
export function reminderPayload(
  schedule: { id: string; title: string; startAt: Date },
  options: { snoozedUntil?: Date } = {},
): ReminderPayload {
  return {
    key: options.snoozedUntil
      ? snoozedReminderKey(schedule.id, schedule.startAt, options.snoozedUntil)
      : reminderKey(schedule.id, schedule.startAt),
    kind: "reminder",
    scheduleId: schedule.id.toLowerCase(),
    title: schedule.title,
    startAt: schedule.startAt.toISOString(),
    url: reminderUrl(schedule.id),
  };
}
