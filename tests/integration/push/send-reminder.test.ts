// sendReminder against a fake push service on 127.0.0.1 (HTTPS, self-signed) and a fake FCM endpoint: what a
// browser would receive (decrypted with its own keys), the headers the push service sees, and what happens to
// devices that are gone or failing.
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Credential } from "firebase-admin/app";
import { db } from "@/lib/db/client";
import type { PushConfig } from "@/lib/push/config";
import { FCM_DATA_FIELD, reminderPayload, type ReminderPayload } from "@/lib/push/payload";
import { sendReminder, type PushTransport } from "@/lib/services/push/send-reminder";
import { subscribeDevice } from "@/lib/services/push/subscriptions";
import { createTestMember } from "../../support/fixtures";
import { FakeBrowser, FakePushService, verifyVapid } from "./fake-push-service";

const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:ops@pinit.example" };
const WEB_PUSH_ONLY: PushConfig = { webPush: { ok: true, value: vapid }, fcm: null };
const START = new Date("2026-11-20T09:00:00.000Z");

let service: FakePushService;
let transport: PushTransport;
const allowedBefore = process.env.PUSH_ALLOWED_HOSTS;

beforeAll(async () => {
  service = await new FakePushService().start();
  transport = { config: WEB_PUSH_ONLY, webPush: { agent: service.agent, timeoutMs: 2_000 } };
  // the operator's allow-list admits the fake push service, as it would a self-hosted one
  // (and port 9 of it, where nothing listens: an unreachable push service)
  process.env.PUSH_ALLOWED_HOSTS = `127.0.0.1:${service.port},127.0.0.1:9`;
});

afterAll(async () => {
  if (allowedBefore === undefined) delete process.env.PUSH_ALLOWED_HOSTS;
  else process.env.PUSH_ALLOWED_HOSTS = allowedBefore;
  await service?.stop();
});

async function memberWithDevices(...answers: (number | null)[]) {
  const member = await createTestMember();
  const browsers = [];
  for (const [i, status] of answers.entries()) {
    const browser = new FakeBrowser();
    const endpoint = service.endpoint(`${member.id}/${i}`, status === null ? undefined : { status });
    await subscribeDevice(member.id, { endpoint, keys: browser.keys });
    browsers.push({ browser, endpoint, path: new URL(endpoint).pathname });
  }
  return { member, browsers };
}

function reminderOf(title = "Write the report"): ReminderPayload {
  return reminderPayload({ id: crypto.randomUUID(), title, startAt: START });
}

async function endpointsOf(memberId: string): Promise<string[]> {
  const rows = await db().pushSubscription.findMany({ where: { memberId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.endpoint ?? r.fcmToken ?? "");
}

describe("web push", () => {
  it("sends one encrypted push per device, with VAPID, TTL, urgency and topic", async () => {
    const { member, browsers } = await memberWithDevices(201, 201);
    const reminder = reminderOf("회의 준비 ✍️");
    const result = await sendReminder(member.id, reminder, { ttlSeconds: 900, transport });
    expect(result).toMatchObject({ delivered: 2, removed: 0, retryable: 0, skipped: 0, notices: [] });

    for (const { browser, path } of browsers) {
      const received = service.requestsTo(path);
      expect(received).toHaveLength(1);
      const [request] = received as [(typeof received)[number]];
      expect(request.method).toBe("POST");
      expect(request.headers).toMatchObject({
        ttl: "900",
        urgency: "high",
        topic: reminder.scheduleId.replace(/-/g, ""),
        "content-encoding": "aes128gcm",
        "content-type": "application/octet-stream",
      });
      // only the subscriber's keys open it, and it is exactly the payload
      expect(JSON.parse(browser.decrypt(request.body))).toEqual(reminder);
      expect(() => new FakeBrowser().decrypt(request.body)).toThrow();

      const claims = verifyVapid(request.headers.authorization as string, vapid.publicKey);
      expect(claims.aud).toBe(service.origin);
      expect(claims.sub).toBe(vapid.subject);
      const now = Date.now() / 1000;
      expect(claims.exp).toBeGreaterThan(now);
      expect(claims.exp).toBeLessThanOrEqual(now + 24 * 3600); // RFC 8292 §2: at most 24 hours
    }
    expect(await endpointsOf(member.id)).toHaveLength(2);
    // each device remembers when a reminder last reached it (the reminder status in settings)
    const rows = await db().pushSubscription.findMany({ where: { memberId: member.id } });
    expect(rows.map((r) => r.lastSentAt !== null)).toEqual([true, true]);
  });

  it("forgets devices answering 410 or 404 and keeps the others", async () => {
    const { member, browsers } = await memberWithDevices(410, 201, 404);
    const result = await sendReminder(member.id, reminderOf(), { ttlSeconds: 600, transport });
    expect(result).toMatchObject({ delivered: 1, removed: 2, retryable: 0 });
    expect(
      (result.devices ?? [])
        .filter((d) => d.outcome === "removed")
        .map((d) => d.statusCode)
        .sort(),
    ).toEqual([404, 410]);
    expect(await endpointsOf(member.id)).toEqual([browsers[1]?.endpoint]);
    for (const { path } of browsers) expect(service.requestsTo(path)).toHaveLength(1);
  });

  it("keeps a device that answers 500, 429 or nothing, and reports a retryable failure", async () => {
    const { member, browsers } = await memberWithDevices(500, 429, 201);
    // a device whose push service cannot be reached at all (nothing listens on port 9 here)
    const unreachable = "https://127.0.0.1:9/push/unreachable";
    await subscribeDevice(member.id, { endpoint: unreachable, keys: new FakeBrowser().keys });
    const result = await sendReminder(member.id, reminderOf(), { ttlSeconds: 600, transport });
    expect(result).toMatchObject({ delivered: 1, removed: 0, retryable: 3 });
    expect((result.devices ?? []).filter((d) => d.outcome === "retryable").map((d) => d.statusCode ?? "none")).toEqual([
      500,
      429,
      "none",
    ]);
    // an endpoint's path is a capability (whoever knows it can push): the result, which the workflow engine
    // logs, does not carry it
    expect(JSON.stringify(result)).not.toContain("/push/");
    expect(await endpointsOf(member.id)).toEqual([...browsers.map((b) => b.endpoint), unreachable]);
  });

  it("gives up on a push service that does not answer in time, as a retryable failure", async () => {
    const member = await createTestMember();
    const endpoint = service.endpoint(`${member.id}/slow`, { status: 201, delayMs: 1_500 });
    await subscribeDevice(member.id, { endpoint, keys: new FakeBrowser().keys });
    const result = await sendReminder(member.id, reminderOf(), {
      ttlSeconds: 600,
      transport: { ...transport, webPush: { agent: service.agent, timeoutMs: 200 } },
    });
    expect(result).toMatchObject({ delivered: 0, retryable: 1, removed: 0 });
  });

  it("sends to nobody else: another member's devices get nothing", async () => {
    const { browsers: others } = await memberWithDevices(201);
    const { member } = await memberWithDevices(201);
    await sendReminder(member.id, reminderOf(), { ttlSeconds: 600, transport });
    expect(service.requestsTo(others[0]!.path)).toHaveLength(0);
  });

  it("forgets a stored device whose keys cannot encrypt anything, without sending", async () => {
    const member = await createTestMember();
    const endpoint = service.endpoint(`${member.id}/broken-keys`);
    // written around the service's check, as an older row might be
    await db().pushSubscription.create({ data: { memberId: member.id, endpoint, p256dh: "AAAA", auth: "BBBB" } });
    const result = await sendReminder(member.id, reminderOf(), { ttlSeconds: 600, transport });
    expect(result).toMatchObject({ delivered: 0, removed: 1, retryable: 0 });
    expect(service.requestsTo(new URL(endpoint).pathname)).toHaveLength(0);
  });

  it("cuts a TTL beyond four weeks to four weeks", async () => {
    const { member, browsers } = await memberWithDevices(201);
    await sendReminder(member.id, reminderOf(), { ttlSeconds: 60 * 24 * 3600, transport });
    expect(service.requestsTo(browsers[0]!.path)[0]?.headers.ttl).toBe("2419200");
  });

  it("refuses a malformed payload or TTL before sending anything", async () => {
    const { member, browsers } = await memberWithDevices(201);
    const bad = { ...reminderOf(), url: "https://evil.example/" };
    await expect(sendReminder(member.id, bad, { ttlSeconds: -1, transport })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { fieldErrors: { "payload.url": [expect.any(String)], "options.ttlSeconds": [expect.any(String)] } },
    });
    expect(service.requestsTo(browsers[0]!.path)).toHaveLength(0);
  });
});

describe("the push host allow-list", () => {
  it("sends nothing to a stored endpoint off the list (written before it), and keeps the row", async () => {
    const { member, browsers } = await memberWithDevices(201);
    // the same fake service under a name the list does not hold, stored as an older server would have
    const offList = `https://localhost:${service.port}/push/${member.id}/off-list`;
    await db().pushSubscription.create({ data: { memberId: member.id, endpoint: offList, ...new FakeBrowser().keys } });
    const result = await sendReminder(member.id, reminderOf(), { ttlSeconds: 600, transport });
    expect(result).toMatchObject({ delivered: 1, removed: 0, retryable: 0, skipped: 1 });
    expect(result.notices).toEqual([expect.stringMatching(/allow-list.*PUSH_ALLOWED_HOSTS.*1 device/)]);
    expect(service.requestsTo(new URL(offList).pathname)).toHaveLength(0);
    expect(service.requestsTo(browsers[0]!.path)).toHaveLength(1);
    expect(await endpointsOf(member.id)).toHaveLength(2);
  });
});

describe("without push settings", () => {
  it("sends nothing, throws nothing, and says why", async () => {
    const { member, browsers } = await memberWithDevices(201, 201);
    const result = await sendReminder(member.id, reminderOf(), {
      ttlSeconds: 600,
      transport: { config: { webPush: null, fcm: null } },
    });
    expect(result).toMatchObject({ delivered: 0, removed: 0, retryable: 0, skipped: 2 });
    expect(result.notices).toEqual([expect.stringMatching(/web push is not configured.*VAPID_PUBLIC_KEY.*2 device/)]);
    for (const { path } of browsers) expect(service.requestsTo(path)).toHaveLength(0);
    expect(await endpointsOf(member.id)).toHaveLength(2);
  });

  it("reads the environment when no settings are passed in (none here)", async () => {
    vi.stubEnv("VAPID_PUBLIC_KEY", "");
    vi.stubEnv("VAPID_PRIVATE_KEY", "");
    vi.stubEnv("VAPID_SUBJECT", "");
    vi.stubEnv("FIREBASE_SERVICE_ACCOUNT", "");
    try {
      const { member } = await memberWithDevices(201);
      const result = await sendReminder(member.id, reminderOf(), { ttlSeconds: 600 });
      expect(result).toMatchObject({ delivered: 0, skipped: 1 });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("a member without devices gets nothing and nothing fails", async () => {
    const member = await createTestMember();
    expect(await sendReminder(member.id, reminderOf(), { ttlSeconds: 600, transport })).toMatchObject({
      delivered: 0,
      removed: 0,
      retryable: 0,
      skipped: 0,
      devices: [],
    });
  });
});

describe("FCM", () => {
  const PROJECT = "pinit-test";
  const SEND_PATH = `/v1/projects/${PROJECT}/messages:send`;
  const account = {
    projectId: PROJECT,
    clientEmail: "push@pinit-test.iam.gserviceaccount.com",
    privateKey: "unused: the credential is replaced",
  };
  // the OAuth token exchange needs Google; the test hands firebase-admin a token instead
  const credential: Credential = {
    getAccessToken: async () => ({ access_token: "test-access-token", expires_in: 3600 }),
  };

  it("sends a data message per token with the web push headers, and forgets an UNREGISTERED token", async () => {
    const fcmTransport: PushTransport = {
      config: { webPush: { ok: true, value: vapid }, fcm: { ok: true, value: account } },
      webPush: { agent: service.agent },
      fcm: { httpAgent: service.loopbackAgent(), credential },
    };
    const member = await createTestMember();
    await subscribeDevice(member.id, { fcmToken: "token-alive" });
    await subscribeDevice(member.id, { fcmToken: "token-gone" });
    await subscribeDevice(member.id, { fcmToken: "token-flaky" });
    const browser = new FakeBrowser();
    const endpoint = service.endpoint(`${member.id}/web`);
    await subscribeDevice(member.id, { endpoint, keys: browser.keys });

    const before = service.requestsTo(SEND_PATH).length;
    service.answer(SEND_PATH, { status: 200, body: { name: `projects/${PROJECT}/messages/1` } });
    // FCM answers per token; the fake decides by the token in the body
    const answers: Record<string, { status: number; body: unknown }> = {
      "token-gone": {
        status: 404,
        body: {
          error: {
            code: 404,
            message: "Requested entity was not found.",
            status: "NOT_FOUND",
            details: [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode: "UNREGISTERED" }],
          },
        },
      },
      "token-flaky": { status: 500, body: { error: { code: 500, message: "Internal error", status: "INTERNAL" } } },
    };
    const restore = service.routeByBody(SEND_PATH, (body) => {
      const token = (JSON.parse(body.toString()) as { message: { token: string } }).message.token;
      return answers[token] ?? { status: 200, body: { name: `projects/${PROJECT}/messages/${token}` } };
    });
    try {
      const reminder = reminderOf();
      const result = await sendReminder(member.id, reminder, { ttlSeconds: 900, transport: fcmTransport });
      expect(result).toMatchObject({ delivered: 2, removed: 1, retryable: 1, skipped: 0 });

      const sent = service.requestsTo(SEND_PATH).slice(before);
      expect(sent).toHaveLength(3);
      for (const request of sent) {
        expect(request.method).toBe("POST");
        expect(request.headers.authorization).toBe("Bearer test-access-token");
        expect(request.headers.host).toBe("fcm.googleapis.com");
        const { message } = JSON.parse(request.body.toString()) as {
          message: {
            token: string;
            data: Record<string, string>;
            webpush: { headers: Record<string, string> };
            notification?: unknown;
          };
        };
        expect(JSON.parse(message.data[FCM_DATA_FIELD] ?? "")).toEqual(reminder);
        expect(message.notification).toBeUndefined(); // the service worker shows it, once per key
        expect(message.webpush.headers).toEqual({
          TTL: "900",
          Urgency: "high",
          Topic: reminder.scheduleId.replace(/-/g, ""),
        });
      }
      expect(JSON.parse(browser.decrypt(service.requestsTo(new URL(endpoint).pathname)[0]!.body))).toEqual(reminder);
      expect((await endpointsOf(member.id)).sort()).toEqual([endpoint, "token-alive", "token-flaky"].sort());
    } finally {
      restore();
    }
  });

  it("skips FCM devices when Firebase is not configured, and says so", async () => {
    const member = await createTestMember();
    await subscribeDevice(member.id, { fcmToken: `token-${member.id}` });
    const result = await sendReminder(member.id, reminderOf(), { ttlSeconds: 600, transport });
    expect(result).toMatchObject({
      delivered: 0,
      skipped: 1,
      notices: [expect.stringMatching(/FCM is not configured.*FIREBASE_SERVICE_ACCOUNT/)],
    });
  });
});
