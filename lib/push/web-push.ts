import "server-only";
// One Web Push message to one browser (RFC 8030, payload encrypted per RFC 8291 aes128gcm, VAPID per RFC 8292).
import type { Agent } from "node:https";
import webpush, { type Urgency } from "web-push";
import type { VapidDetails } from "./config";
import { subscriptionKeyProblems } from "./keys";
import { reasonOf, type DeviceOutcome } from "./outcome";

export type WebPushTarget = { endpoint: string; p256dh: string; auth: string };

export type WebPushSendOptions = {
  vapid: VapidDetails;
  ttlSeconds: number;
  urgency: Urgency;
  topic?: string;
  /** the https.Agent of the request: tests pass one that trusts their fake push service's certificate */
  agent?: Agent;
  /** give up on a push service that does not answer (ms); the failure is retryable */
  timeoutMs?: number;
};

/** statuses after which a push service will never accept this subscription again (RFC 8030 §7.3, §8.3) */
const GONE_STATUSES = new Set([404, 410]);

export async function sendWebPush(
  target: WebPushTarget,
  body: string,
  options: WebPushSendOptions,
): Promise<DeviceOutcome> {
  // keys that cannot encrypt anything (a row written before subscribe checked them) would fail every retry
  const problems = Object.keys(subscriptionKeyProblems(target));
  if (problems.length > 0) return { kind: "gone", reason: `unusable ${problems.join(", ")}` };
  try {
    await webpush.sendNotification(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      body,
      {
        vapidDetails: options.vapid,
        TTL: options.ttlSeconds,
        urgency: options.urgency,
        ...(options.topic ? { topic: options.topic } : {}),
        contentEncoding: "aes128gcm",
        ...(options.agent ? { agent: options.agent } : {}),
        timeout: options.timeoutMs ?? 10_000,
      },
    );
    return { kind: "delivered" };
  } catch (error) {
    if (error instanceof webpush.WebPushError) {
      const outcome = GONE_STATUSES.has(error.statusCode) ? "gone" : "retryable";
      return { kind: outcome, statusCode: error.statusCode, reason: `push service answered ${error.statusCode}` };
    }
    // network errors, timeouts, TLS failures: the device may be fine, the road to it was not
    return { kind: "retryable", reason: reasonOf(error) };
  }
}
