// Devices: POST /push/subscriptions, DELETE /push/subscriptions (api.md, domain.md "Reminders and push").

import * as z from "zod";
import { body, requiredOr, text } from "./common";

/** the widths of the push_subscriptions columns (prisma/schema.prisma) */
export const PUSH_LIMITS = { endpoint: 2048, key: 255, fcmToken: 4096 } as const;

/** devices a member may have at once; one more forgets the one subscribed longest ago */
export const PUSH_DEVICES_PER_MEMBER = 10;

function isHttpsUrl(s: string): boolean {
  try {
    return new URL(s).protocol === "https:";
  } catch {
    return false;
  }
}

const Endpoint = z
  .string({ error: requiredOr("must be text") })
  .max(PUSH_LIMITS.endpoint, `must be at most ${PUSH_LIMITS.endpoint} characters`)
  .refine(isHttpsUrl, "must be an https URL")
  .meta({ description: "The push service URL of the browser's PushSubscription." });

const Key = text({ min: 1, max: PUSH_LIMITS.key });
const FcmToken = text({ min: 1, max: PUSH_LIMITS.fcmToken }).meta({ description: "A Firebase Cloud Messaging token." });

/**
 * A browser's PushSubscription.toJSON() ({ endpoint, expirationTime, keys: { p256dh, auth } }), or
 * { fcmToken } — exactly one of the two. Parsed into a tagged value for the service.
 */
export const PushSubscriptionInput = body({
  endpoint: Endpoint.optional(),
  expirationTime: z.number({ error: "must be a number or null" }).nullable().optional(),
  keys: body({ p256dh: Key, auth: Key }).optional(),
  fcmToken: FcmToken.optional(),
})
  .superRefine((s, ctx) => {
    if (s.endpoint !== undefined && s.fcmToken !== undefined) {
      ctx.addIssue({ code: "custom", path: [], message: "give either endpoint and keys, or fcmToken, not both" });
    } else if (s.endpoint === undefined && s.fcmToken === undefined) {
      ctx.addIssue({ code: "custom", path: [], message: "give endpoint and keys, or fcmToken" });
    } else if (s.endpoint !== undefined && s.keys === undefined) {
      ctx.addIssue({ code: "custom", path: ["keys"], message: "is required with endpoint" });
    } else if (s.fcmToken !== undefined && (s.keys !== undefined || s.expirationTime !== undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "fcmToken comes alone" });
    }
  })
  .transform((s): PushSubscriptionTarget =>
    s.fcmToken !== undefined
      ? { kind: "fcm", fcmToken: s.fcmToken }
      : // the refinement above guarantees endpoint and keys here
        { kind: "webpush", endpoint: s.endpoint as string, keys: s.keys as { p256dh: string; auth: string } },
  )
  .meta({ id: "PushSubscriptionInput" });

export type PushSubscriptionTarget =
  { kind: "webpush"; endpoint: string; keys: { p256dh: string; auth: string } } | { kind: "fcm"; fcmToken: string };
export type PushSubscriptionInput = z.output<typeof PushSubscriptionInput>;

/** DELETE /push/subscriptions: { endpoint } or { fcmToken } */
export const DeletePushSubscriptionInput = body({
  endpoint: Endpoint.optional(),
  fcmToken: FcmToken.optional(),
})
  .superRefine((s, ctx) => {
    if ((s.endpoint === undefined) === (s.fcmToken === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "give either endpoint or fcmToken" });
    }
  })
  .transform((s): { kind: "webpush"; endpoint: string } | { kind: "fcm"; fcmToken: string } =>
    s.fcmToken !== undefined
      ? { kind: "fcm", fcmToken: s.fcmToken }
      : { kind: "webpush", endpoint: s.endpoint as string },
  )
  .meta({ id: "DeletePushSubscriptionInput" });
export type DeletePushSubscriptionInput = z.output<typeof DeletePushSubscriptionInput>;
