import "server-only";
// Sends a reminder to every device of a member (domain.md "Reminders and push"): one push per device, over web
// push (VAPID) or FCM, whichever the device subscribed with. Devices the push service says are gone (404/410,
// FCM UNREGISTERED) are forgotten; any other failure is counted as retryable — the caller (the reminder's
// Inngest step) throws when there is one, and the repeat is harmless because every copy carries the same key
// and the service worker shows a key once.
//
// A transport that is not configured sends nothing and the result says so (skipped, notices); nothing throws
// for it: a reminder must not fail forever over a server without push keys. Nor is anything sent to an endpoint
// off the push host allow-list (./endpoint-hosts.ts): a row stored before the list, or after the operator
// shortened it, is skipped, not forgotten, so that restoring the setting brings it back.
import type { Agent } from "node:https";
import type { Credential } from "firebase-admin/app";
import * as z from "zod";
import { validationError } from "@/lib/domain/errors";
import { readPushConfig, warnOnce, type PushConfig } from "@/lib/push/config";
import { isAllowedPushEndpoint, pushHostRules } from "@/lib/push/endpoint-hosts";
import type { DeviceOutcome } from "@/lib/push/outcome";
import { ReminderPayload, reminderTopic } from "@/lib/push/payload";
import { sendWebPush } from "@/lib/push/web-push";
import { devicesOf, forgetDevices, markDelivered } from "./subscriptions";

/** the longest TTL push services keep a message (4 weeks); a longer one is cut to it */
export const MAX_TTL_SECONDS = 2_419_200;

/**
 * How the pushes leave this process. Production passes nothing: the settings come from the environment and
 * requests use Node's default agents. Tests pass their fake services' agents and settings here, so no global
 * state is needed to redirect a send.
 */
export type PushTransport = {
  /** replaces the settings read from the environment */
  config?: PushConfig;
  webPush?: { agent?: Agent; timeoutMs?: number };
  fcm?: { httpAgent?: Agent; credential?: Credential };
};

export type SendReminderOptions = { ttlSeconds: number; transport?: PushTransport };

export type DeviceReport = {
  subscriptionId: string;
  transport: "webpush" | "fcm";
  outcome: "delivered" | "removed" | "retryable" | "skipped";
  statusCode?: number;
  reason?: string;
};

/**
 * The contract's three counts, and the details sendReminder always adds. The details are optional in the type
 * only so that a fake of the contract ({ delivered, removed, retryable }) stands in for it in tests.
 */
export type SendReminderResult = {
  /** devices whose push service accepted the message */
  delivered: number;
  /** devices forgotten because their push service said they are gone */
  removed: number;
  /** devices that failed for another reason: send again later */
  retryable: number;
  /** devices not sent to because their transport is not configured on this server */
  skipped?: number;
  /** why devices were skipped, in words for the log */
  notices?: string[];
  devices?: DeviceReport[];
};

const Options = z.object({
  ttlSeconds: z
    .number()
    .int("must be a whole number of seconds")
    .min(0, "must not be negative")
    .transform((s) => Math.min(s, MAX_TTL_SECONDS)),
});

export async function sendReminder(
  memberId: string,
  payload: ReminderPayload,
  options: SendReminderOptions,
): Promise<SendReminderResult> {
  const parsedPayload = ReminderPayload.safeParse(payload);
  const parsedOptions = Options.safeParse({ ttlSeconds: options.ttlSeconds });
  if (!parsedPayload.success || !parsedOptions.success) {
    throw validationError({
      ...fieldErrors(parsedPayload.error, "payload"),
      ...fieldErrors(parsedOptions.error, "options"),
    });
  }
  const reminder = parsedPayload.data;
  const { ttlSeconds } = parsedOptions.data;
  const transport = options.transport ?? {};
  const config = transport.config ?? readPushConfig();
  const body = JSON.stringify(reminder);
  const topic = reminderTopic(reminder.scheduleId);

  const devices = await devicesOf(memberId);
  const hostRules = pushHostRules();
  const offReason = {
    webpush: reasonOff(
      config.webPush,
      "web push is not configured (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT)",
    ),
    fcm: reasonOff(config.fcm, "FCM is not configured (FIREBASE_SERVICE_ACCOUNT)"),
  };

  const reports = await Promise.all(
    devices.map(async (device): Promise<DeviceReport> => {
      const base = { subscriptionId: device.id, transport: device.transport };
      let outcome: DeviceOutcome;
      if (device.transport === "webpush" && !isAllowedPushEndpoint(device.endpoint, hostRules)) {
        return { ...base, outcome: "skipped", reason: HOST_NOT_ALLOWED };
      } else if (device.transport === "webpush" && config.webPush?.ok) {
        outcome = await sendWebPush(device, body, {
          vapid: config.webPush.value,
          ttlSeconds,
          urgency: "high",
          topic,
          agent: transport.webPush?.agent,
          timeoutMs: transport.webPush?.timeoutMs,
        });
      } else if (device.transport === "fcm" && config.fcm?.ok) {
        const { sendFcm } = await import("@/lib/push/fcm");
        outcome = await sendFcm(device.fcmToken, body, {
          account: config.fcm.value,
          ttlSeconds,
          topic,
          httpAgent: transport.fcm?.httpAgent,
          credential: transport.fcm?.credential,
        });
      } else {
        return { ...base, outcome: "skipped" }; // its transport is off here (offReason says why)
      }
      if (outcome.kind === "delivered") return { ...base, outcome: "delivered" };
      return {
        ...base,
        outcome: outcome.kind === "gone" ? "removed" : "retryable",
        ...(outcome.statusCode ? { statusCode: outcome.statusCode } : {}),
        reason: outcome.reason,
      };
    }),
  );

  const gone = reports.filter((r) => r.outcome === "removed").map((r) => r.subscriptionId);
  await forgetDevices(gone);
  await markDelivered(reports.filter((r) => r.outcome === "delivered").map((r) => r.subscriptionId));

  const count = (outcome: DeviceReport["outcome"], of = reports) => of.filter((r) => r.outcome === outcome).length;
  const notices: string[] = [];
  const offList = reports.filter((r) => r.reason === HOST_NOT_ALLOWED).length;
  if (offList > 0) notices.push(`${HOST_NOT_ALLOWED}: ${offList} device(s) not sent to`);
  for (const kind of ["webpush", "fcm"] as const) {
    const skipped = count(
      "skipped",
      reports.filter((r) => r.transport === kind && r.reason !== HOST_NOT_ALLOWED),
    );
    const reason = offReason[kind];
    if (skipped > 0 && reason) notices.push(`${reason}: ${skipped} device(s) not sent to`);
  }
  return {
    delivered: count("delivered"),
    removed: gone.length,
    retryable: count("retryable"),
    skipped: count("skipped"),
    notices,
    devices: reports,
  };
}

const HOST_NOT_ALLOWED = "endpoint host is not on the push allow-list (PUSH_ALLOWED_HOSTS)";

/** null when the transport can send; else why not (a misconfiguration is also logged, once) */
function reasonOff(setting: PushConfig["webPush"] | PushConfig["fcm"], unset: string): string | null {
  if (setting === null) return unset;
  if (setting.ok) return null;
  warnOnce(setting.reason);
  return setting.reason;
}

function fieldErrors(error: z.ZodError | undefined, prefix: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error?.issues ?? []) {
    const field = [prefix, ...issue.path.map(String)].join(".");
    (out[field] ??= []).push(issue.message);
  }
  return out;
}
