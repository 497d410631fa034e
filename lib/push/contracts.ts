// Answers of the push endpoints that lib/contracts/push.ts does not describe yet (it has the request bodies).
// Kept here so the routes check their answers against them; lib/http/openapi.ts can import them as they are.
import * as z from "zod";

/** 201 of POST /api/v1/push/subscriptions */
export const PushDeviceView = z
  .strictObject({
    id: z.guid().meta({ description: "The subscription's id." }),
    transport: z.enum(["webpush", "fcm"]),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "PushDevice" });
export type PushDeviceView = z.output<typeof PushDeviceView>;

/** 200 of GET /api/v1/push/public-key: the VAPID key browsers subscribe with, null when web push is off */
export const PushPublicKeyView = z
  .strictObject({
    publicKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{87}$/)
      .nullable()
      .meta({
        description: "The server's VAPID public key (base64url, 65 bytes), or null when web push is not configured.",
      }),
  })
  .meta({ id: "PushPublicKey" });
export type PushPublicKeyView = z.output<typeof PushPublicKeyView>;
