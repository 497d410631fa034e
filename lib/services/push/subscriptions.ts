import "server-only";
// A member's devices for reminders (domain.md "Reminders and push"): a browser's Web Push subscription
// (endpoint + keys) or a Firebase Cloud Messaging token. An endpoint or token belongs to one member at a time:
// subscribing it from another account moves it there (the browser now belongs to whoever signed in last), and
// subscribing it again from the same account changes nothing but refreshed keys. Unsubscribing touches only
// the caller's own devices and answers the same whether or not the device was known, so it reveals nothing.
//
// Limits, because the server sends a request to every device at every reminder:
//   - a web push endpoint must be on a known push service (lib/push/endpoint-hosts.ts, PUSH_ALLOWED_HOSTS);
//   - at most PUSH_DEVICES_PER_MEMBER devices per member: subscribing one more forgets the one subscribed
//     (or refreshed) longest ago;
//   - an endpoint another member holds moves only with the same keys: its keys are what only the browser
//     that made the subscription knows, so a bare endpoint URL cannot take another member's reminders.
//     (An FCM token is itself that secret.)
import { timingSafeEqual } from "node:crypto";
import {
  DeletePushSubscriptionInput,
  PUSH_DEVICES_PER_MEMBER,
  PushSubscriptionInput,
  type PushSubscriptionTarget,
} from "@/lib/contracts/push";
import { db } from "@/lib/db/client";
import { DomainError, validationError, type FieldErrors } from "@/lib/domain/errors";
import { ENDPOINT_NOT_ALLOWED, isAllowedPushEndpoint } from "@/lib/push/endpoint-hosts";
import { subscriptionKeyProblems } from "@/lib/push/keys";
import { inTransaction, lockMember, sqlState, type Tx } from "../transaction";

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
    const problems: FieldErrors = subscriptionKeyProblems(target.keys);
    if (!isAllowedPushEndpoint(target.endpoint)) problems.endpoint = [ENDPOINT_NOT_ALLOWED];
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
        ? await upsertWebPush(tx, memberId, target)
        : await tx.pushSubscription.upsert({
            where: { fcmToken: target.fcmToken },
            create: { memberId, fcmToken: target.fcmToken },
            update: { memberId },
          });
    await dropOldestBeyondLimit(tx, memberId, row.id);
    return { id: row.id, transport: target.kind, createdAt: row.createdAt };
  });
}

async function upsertWebPush(
  tx: Tx,
  memberId: string,
  target: Extract<PushSubscriptionTarget, { kind: "webpush" }>,
): Promise<{ id: string; createdAt: Date }> {
  // the row is locked so that the keys compared are the keys replaced
  const [held] = await tx.$queryRaw<{ id: string; memberId: string; p256dh: string | null; auth: string | null }[]>`
    SELECT id::text, "memberId"::text, p256dh, auth FROM push_subscriptions WHERE endpoint = ${target.endpoint} FOR UPDATE`;
  if (!held) {
    return tx.pushSubscription.create({
      data: { memberId, endpoint: target.endpoint, p256dh: target.keys.p256dh, auth: target.keys.auth },
      select: { id: true, createdAt: true },
    });
  }
  if (
    held.memberId !== memberId &&
    !(sameKey(held.p256dh, target.keys.p256dh) && sameKey(held.auth, target.keys.auth))
  ) {
    throw new DomainError("CONFLICT", "This push endpoint is registered with other keys.", {
      fieldErrors: { endpoint: ["is registered with other keys"] },
    });
  }
  return tx.pushSubscription.update({
    where: { id: held.id },
    data: { memberId, p256dh: target.keys.p256dh, auth: target.keys.auth },
    select: { id: true, createdAt: true },
  });
}

/** compared in constant time: the auth secret is what proves the caller is the subscribing browser */
function sameKey(stored: string | null, given: string): boolean {
  if (stored === null) return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** keeps the member's PUSH_DEVICES_PER_MEMBER most recently subscribed devices, `keep` always among them */
async function dropOldestBeyondLimit(tx: Tx, memberId: string, keep: string): Promise<void> {
  const beyond = await tx.pushSubscription.findMany({
    where: { memberId, id: { not: keep } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: PUSH_DEVICES_PER_MEMBER - 1,
    select: { id: true },
  });
  if (beyond.length > 0) await tx.pushSubscription.deleteMany({ where: { id: { in: beyond.map((r) => r.id) } } });
}

export async function unsubscribeDevice(memberId: string, input: UnsubscribeDeviceInput): Promise<void> {
  const parsed = DeletePushSubscriptionInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error.issues));
  const target = parsed.data;
  await db().pushSubscription.deleteMany({
    where:
      target.kind === "webpush" ? { memberId, endpoint: target.endpoint } : { memberId, fcmToken: target.fcmToken },
  });
}

/** every device of a member, oldest first (what a reminder is sent to) */
export async function devicesOf(memberId: string): Promise<StoredDevice[]> {
  const rows = await db().pushSubscription.findMany({
    where: { memberId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
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

/** the devices whose push service accepted a reminder at `at` (raw SQL: updatedAt, which orders eviction, stays) */
export async function markDelivered(ids: readonly string[], at = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db().$executeRaw`UPDATE push_subscriptions SET "lastSentAt" = ${at} WHERE id = ANY(${[...ids]}::uuid[])`;
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

function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[] }[],
): FieldErrors {
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
