import * as z from "zod";
import { SNOOZE_MINUTES } from "@/lib/domain/reminders";
import { body } from "./common";

/** POST /schedules/{id}/reminder/snooze: remind again in 10 minutes or an hour */
export const SnoozeInput = body({
  minutes: z
    .union(
      SNOOZE_MINUTES.map((m) => z.literal(m)),
      { error: `must be one of ${SNOOZE_MINUTES.join(", ")}` },
    )
    .default(10)
    .meta({ description: "Minutes from now: 10 or 60." }),
}).meta({ id: "SnoozeInput" });
export type SnoozeInput = z.output<typeof SnoozeInput>;

export const SnoozeAnswer = z.object({ scheduleId: z.string(), until: z.string() }).meta({ id: "SnoozeAnswer" });

/** GET /push/status: this device, named by its push endpoint or FCM token (neither: a device not subscribed) */
export const ReminderStatusQuery = z
  .strictObject({
    endpoint: z.string().max(2048).optional().meta({ description: "This browser's PushSubscription endpoint." }),
    fcmToken: z.string().max(4096).optional().meta({ description: "Or this browser's FCM registration token." }),
  })
  .meta({ id: "ReminderStatusQuery" });
export type ReminderStatusQuery = z.output<typeof ReminderStatusQuery>;

const Transport = z.enum(["on", "unset", "invalid"]).meta({
  description: "on: configured and valid; unset: not configured; invalid: configured wrongly (see reason).",
});

/** the server's side of the settings' reminder status: push keys, the event engine, this device */
export const ReminderStatusView = z
  .strictObject({
    push: z.strictObject({
      webPush: Transport,
      fcm: Transport,
      /** why a configured transport is off, in words for the operator; null when none is */
      reason: z.string().nullable(),
    }),
    engine: z.strictObject({
      mode: z.enum(["dev", "cloud", "off"]),
      /** whether the engine answered just now (always false when mode is off) */
      reachable: z.boolean(),
      /** the member's events older than a minute that have not reached the engine yet */
      waitingEvents: z.number().int().min(0),
    }),
    device: z.strictObject({
      /** the server holds this device's subscription for the signed-in member */
      subscribed: z.boolean(),
      /** when a reminder was last accepted by this device's push service; null: never */
      lastSentAt: z.iso.datetime({ offset: true }).nullable(),
    }),
    /** when a reminder was last accepted for any of the member's devices; null: never */
    lastSentAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "ReminderStatus" });
export type ReminderStatusView = z.output<typeof ReminderStatusView>;
