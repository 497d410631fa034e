import "server-only";
// A member's devices for reminders (domain.md "Reminders and push"): a browser's Web Push subscription
// (endpoint + keys) or a Firebase Cloud Messaging token. An endpoint or token belongs to one member at a time:
// subscribing it from another account moves it there (the browser now belongs to whoever signed in last), and
// subscribing it again from the same account changes nothing but refreshed keys. Unsubscribing touches only
// the caller's own devices and answers the same whether or not the device was known, so it reveals nothing.
import {
  DeletePushSubscriptionInput,
  PushSubscriptionInput,
  type PushSubscriptionTarget,
} from "@/lib/contracts/push";
import { db } from "@/lib/db/client";
import { validationError, type FieldErrors } from "@/lib/domain/errors";
import { subscriptionKeyProblems } from "@/lib/push/keys";
import { inTransaction, lockMember, sqlState } from "../transaction";

/** a browser's PushSubscription.toJSON() or { fcmToken } (api.md), or the tagged value the contract parses it into */
export type SubscribeDeviceInput =
  | PushSubscriptionTarget
  | { endpoint: string; keys: { p256dh: string; auth: string }; expirationTime?: number | null }
  | { fcmToken: string };

export type UnsubscribeDeviceInput = { endpoint: string } | { fcmToken: string };

export type PushDevice = { id: string; transport: "webpush" | "fcm"; createdAt: Date };

export type StoredDevice =
  | { id: string; transport: "webpush"; endpoint: string; p256dh: string; auth: string }
  | { id: string; transport: "fcm"; fcmToken: string };

const UNIQUE_VIOLATION = "23505";

export async function subscribeDevice(memberId: string, input: SubscribeDeviceInput): Promise<PushDevice> {
  const target = parseTarget(input);
  if (target.kind === "webpush") {
    const problems = subscriptionKeyProblems(target.keys);
    if (Object.keys(problems).length > 0) throw validationError(problems);
  }
  // Two first subscriptions of one endpoint at the same moment can both miss the row and both insert: the
  // loser's unique violation is retried once, and then finds the winner's row to update.
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsertDevice(memberId, target);
    } catch (e) {
      if (attempt < 2 && sqlState(e) === UNIQUE_VIOLATION) continue;
      throw e;
    }
  }
}

function upsertDevice(memberId: string, target: PushSubscriptionTarget): Promise<PushDevice> {
  return inTransaction(async (tx) => {
    await lockMember(tx, memberId); // NOT_FOUND for a member deleted meanwhile, never a foreign-key 500
    const row =
      target.kind === "webpush"
        ? await tx.pushSubscription.upsert({
            where: { endpoint: target.endpoint },
            create: { memberId, endpoint: target.endpoint, p256dh: target.keys.p256dh, auth: target.keys.auth },
            update: { memberId, p256dh: target.keys.p256dh, auth: target.keys.auth },
          })
        : await tx.pushSubscription.upsert({
            where: { fcmToken: target.fcmToken },
            create: { memberId, fcmToken: target.fcmToken },
            update: { memberId },
          });
    return { id: row.id, transport: target.kind, createdAt: row.createdAt };
  });
}

export async function unsubscribeDevice(memberId: string, input: UnsubscribeDeviceInput): Promise<void> {
  const parsed = DeletePushSubscriptionInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error.issues));
  const target = parsed.data;
  await db().pushSubscription.deleteMany({
    where: target.kind === "webpush" ? { memberId, endpoint: target.endpoint } : { memberId, fcmToken: target.fcmToken },
  });
}

/** every device of a member, oldest first (what a reminder is sent to) */
export async function devicesOf(memberId: string): Promise<StoredDevice[]> {
  const rows = await db().pushSubscription.findMany({ where: { memberId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const devices: StoredDevice[] = [];
  for (const r of rows) {
    // the CHECK constraint push_subscriptions_one_transport guarantees one of the two shapes
    if (r.endpoint !== null && r.p256dh !== null && r.auth !== null) {
      devices.push({ id: r.id, transport: "webpush", endpoint: r.endpoint, p256dh: r.p256dh, auth: r.auth });
    } else if (r.fcmToken !== null) {
      devices.push({ id: r.id, transport: "fcm", fcmToken: r.fcmToken });
    }
  }
  return devices;
}

/** forgets devices whose push service said they are gone (404/410, FCM UNREGISTERED) */
export async function forgetDevices(ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db().pushSubscription.deleteMany({ where: { id: { in: [...ids] } } });
  return count;
}

/** the raw shapes go through the API's own contract, so a caller outside the API is held to the same rules */
function parseTarget(input: SubscribeDeviceInput): PushSubscriptionTarget {
  const raw =
    "kind" in input
      ? input.kind === "webpush"
        ? { endpoint: input.endpoint, keys: input.keys }
        : { fcmToken: input.fcmToken }
      : input;
  const parsed = PushSubscriptionInput.safeParse(raw);
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[] }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys ?? []) (out[key] ??= []).push("is not a known field");
      continue;
    }
    const field = issue.path.length === 0 ? "_" : issue.path.map(String).join(".");
    if (!(out[field] ??= []).includes(issue.message)) out[field].push(issue.message);
  }
  return out;
}
