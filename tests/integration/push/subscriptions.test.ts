// Devices: the subscription service and the push routes against the real database.
import webpush from "web-push";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as getPublicKey } from "@/app/api/v1/push/public-key/route";
import { DELETE, POST } from "@/app/api/v1/push/subscriptions/route";
import { issueAccessToken } from "@/lib/auth/access-token";
import { db } from "@/lib/db/client";
import { subscribeDevice, unsubscribeDevice } from "@/lib/services/push/subscriptions";
import { createTestMember, refusal } from "../../support/fixtures";
import { FakeBrowser } from "./fake-push-service";

// Chrome's push service: on the default allow-list (lib/push/endpoint-hosts.ts); nothing is sent here
const endpoint = () => `https://fcm.googleapis.com/fcm/send/${crypto.randomUUID()}`;
const rowsOf = (memberId: string) =>
  db().pushSubscription.findMany({ where: { memberId }, orderBy: { createdAt: "asc" } });

describe("subscribeDevice", () => {
  it("registers a browser once: subscribing again from the same account changes nothing but its keys", async () => {
    const m = await createTestMember();
    const url = endpoint();
    const first = await subscribeDevice(m.id, { endpoint: url, keys: new FakeBrowser().keys });
    const renewed = new FakeBrowser().keys;
    const again = await subscribeDevice(m.id, { endpoint: url, expirationTime: null, keys: renewed });
    expect(again.id).toBe(first.id);
    const rows = await rowsOf(m.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ endpoint: url, p256dh: renewed.p256dh, auth: renewed.auth, fcmToken: null });
  });

  it("moves an endpoint (with its keys) or token to the account that subscribes it last", async () => {
    const a = await createTestMember();
    const b = await createTestMember();
    const url = endpoint();
    const token = `fcm-${crypto.randomUUID()}`;
    const keys = new FakeBrowser().keys; // one browser: whoever signs in on it subscribes the same subscription
    await subscribeDevice(a.id, { endpoint: url, keys });
    await subscribeDevice(a.id, { fcmToken: token });
    await subscribeDevice(b.id, { endpoint: url, keys: { ...keys } });
    await subscribeDevice(b.id, { kind: "fcm", fcmToken: token });
    expect(await rowsOf(a.id)).toEqual([]);
    expect((await rowsOf(b.id)).map((r) => r.endpoint ?? r.fcmToken)).toEqual([url, token]);
  });

  it("accounts subscribing one endpoint at the same moment leave it with exactly one of them", async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => createTestMember()));
    const url = endpoint();
    const keys = new FakeBrowser().keys;
    await Promise.all(members.map((m) => subscribeDevice(m.id, { endpoint: url, keys })));
    const rows = await db().pushSubscription.findMany({ where: { endpoint: url } });
    expect(rows).toHaveLength(1);
    expect(members.map((m) => m.id)).toContain(rows[0]?.memberId);
  });

  it("another member cannot take an endpoint with other keys (409 CONFLICT), not even racing its owner", async () => {
    const owner = await createTestMember();
    const intruder = await createTestMember();
    const url = endpoint();
    const keys = new FakeBrowser().keys;
    await subscribeDevice(owner.id, { endpoint: url, keys });
    expect(await refusal(subscribeDevice(intruder.id, { endpoint: url, keys: new FakeBrowser().keys }))).toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { endpoint: ["is registered with other keys"] } },
    });
    // the same p256dh with another auth secret is not the same subscription either
    expect(
      (
        await refusal(
          subscribeDevice(intruder.id, { endpoint: url, keys: { ...keys, auth: new FakeBrowser().keys.auth } }),
        )
      ).code,
    ).toBe("CONFLICT");
    expect(await rowsOf(intruder.id)).toEqual([]);
    expect(await rowsOf(owner.id)).toMatchObject([{ endpoint: url, p256dh: keys.p256dh, auth: keys.auth }]);
    // the owner may still rotate its own keys
    const rotated = new FakeBrowser().keys;
    await subscribeDevice(owner.id, { endpoint: url, keys: rotated });
    expect(await rowsOf(owner.id)).toMatchObject([{ p256dh: rotated.p256dh, auth: rotated.auth }]);

    // six accounts with six key pairs at once on a new endpoint: one holds it, every other one is refused
    const members = await Promise.all(Array.from({ length: 6 }, () => createTestMember()));
    const raced = endpoint();
    const answers = await Promise.allSettled(
      members.map((m) => subscribeDevice(m.id, { endpoint: raced, keys: new FakeBrowser().keys })),
    );
    expect(answers.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const a of answers) if (a.status === "rejected") expect(a.reason).toMatchObject({ code: "CONFLICT" });
    const rows = await db().pushSubscription.findMany({ where: { endpoint: raced } });
    expect(rows).toHaveLength(1);
    expect(members[answers.findIndex((a) => a.status === "fulfilled")]?.id).toBe(rows[0]?.memberId);
  });

  it("accepts only the known push services' hosts, on port 443", async () => {
    const m = await createTestMember();
    for (const url of [
      `https://fcm.googleapis.com/fcm/send/${crypto.randomUUID()}`,
      `https://updates.push.services.mozilla.com/wpush/v2/${crypto.randomUUID()}`,
      `https://wns2-par02p.notify.windows.com/w/?token=${crypto.randomUUID()}`,
      `https://web.push.apple.com/${crypto.randomUUID()}`,
      `https://FCM.googleapis.com:443/fcm/send/${crypto.randomUUID()}`,
    ]) {
      await subscribeDevice(m.id, { endpoint: url, keys: new FakeBrowser().keys });
    }
    for (const url of [
      "https://push.example/send/x",
      "https://127.0.0.1/x",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/x",
      "https://localhost/x",
      "https://fcm.googleapis.com.evil.example/x",
      "https://evilfcm.googleapis.com/x",
      "https://fcm.googleapis.com./x",
      "https://fcm.googleapis.com:8443/x",
      "https://user:pw@fcm.googleapis.com/x",
      "https://push.services.mozilla.com/x",
      "https://notify.windows.com/x",
    ]) {
      expect(await refusal(subscribeDevice(m.id, { endpoint: url, keys: new FakeBrowser().keys })), url).toMatchObject({
        code: "VALIDATION",
        details: { fieldErrors: { endpoint: ["must be on a push service this server sends to"] } },
      });
    }
    expect(await rowsOf(m.id)).toHaveLength(5);
  });

  it("PUSH_ALLOWED_HOSTS extends the list: a host, a host:port, *.domain", async () => {
    const m = await createTestMember();
    const url = "https://push.example.test:8443/send/1";
    expect((await refusal(subscribeDevice(m.id, { endpoint: url, keys: new FakeBrowser().keys }))).code).toBe(
      "VALIDATION",
    );
    vi.stubEnv("PUSH_ALLOWED_HOSTS", "push.example.test:8443, *.push.example.org");
    try {
      await subscribeDevice(m.id, { endpoint: url, keys: new FakeBrowser().keys });
      await subscribeDevice(m.id, { endpoint: "https://eu.push.example.org/send/2", keys: new FakeBrowser().keys });
      // the port is part of the entry, and the defaults still hold
      expect(
        (
          await refusal(
            subscribeDevice(m.id, { endpoint: "https://push.example.test/send/3", keys: new FakeBrowser().keys }),
          )
        ).code,
      ).toBe("VALIDATION");
      await subscribeDevice(m.id, { endpoint: endpoint(), keys: new FakeBrowser().keys });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await rowsOf(m.id)).toHaveLength(3);
  });

  it("keeps at most 10 devices: an eleventh forgets the one subscribed longest ago", async () => {
    const m = await createTestMember();
    const urls = Array.from({ length: 10 }, () => endpoint());
    for (const url of urls) await subscribeDevice(m.id, { endpoint: url, keys: new FakeBrowser().keys });
    // subscribing the first again refreshes it: now the second is the oldest
    await subscribeDevice(m.id, { endpoint: urls[0]!, keys: new FakeBrowser().keys });
    const eleventh = endpoint();
    await subscribeDevice(m.id, { endpoint: eleventh, keys: new FakeBrowser().keys });
    const kept = (await rowsOf(m.id)).map((r) => r.endpoint);
    expect(kept).toHaveLength(10);
    expect(kept).not.toContain(urls[1]);
    expect(kept).toEqual(expect.arrayContaining([urls[0], ...urls.slice(2), eleventh]));
    // an FCM token counts too
    await subscribeDevice(m.id, { fcmToken: `fcm-${crypto.randomUUID()}` });
    expect((await rowsOf(m.id)).map((r) => r.endpoint)).not.toContain(urls[2]);
    expect(await rowsOf(m.id)).toHaveLength(10);
  });

  it("keeps 10 when many devices subscribe at once", async () => {
    const m = await createTestMember();
    await Promise.all(
      Array.from({ length: 14 }, () => subscribeDevice(m.id, { endpoint: endpoint(), keys: new FakeBrowser().keys })),
    );
    expect(await rowsOf(m.id)).toHaveLength(10);
  });

  it("refuses keys that cannot encrypt, and half subscriptions, as VALIDATION — writing nothing", async () => {
    const m = await createTestMember();
    expect(
      await refusal(subscribeDevice(m.id, { endpoint: endpoint(), keys: { p256dh: "AAAA", auth: "BBBB" } })),
    ).toMatchObject({
      code: "VALIDATION",
      details: { fieldErrors: { "keys.p256dh": [expect.any(String)], "keys.auth": [expect.any(String)] } },
    });
    expect(
      await refusal(subscribeDevice(m.id, { endpoint: "http://fcm.googleapis.com/x", keys: new FakeBrowser().keys })),
    ).toMatchObject({
      code: "VALIDATION",
      details: { fieldErrors: { endpoint: ["must be an https URL"] } },
    });
    expect(await rowsOf(m.id)).toEqual([]);
  });

  it("a member that no longer exists is NOT_FOUND, not a database error", async () => {
    expect((await refusal(subscribeDevice(crypto.randomUUID(), { fcmToken: "t" }))).code).toBe("NOT_FOUND");
  });
});

describe("unsubscribeDevice", () => {
  it("forgets only the caller's own device, and is quiet about unknown ones", async () => {
    const a = await createTestMember();
    const b = await createTestMember();
    const url = endpoint();
    await subscribeDevice(a.id, { endpoint: url, keys: new FakeBrowser().keys });
    await unsubscribeDevice(b.id, { endpoint: url });
    expect(await rowsOf(a.id)).toHaveLength(1);
    await unsubscribeDevice(a.id, { endpoint: endpoint() });
    await unsubscribeDevice(a.id, { fcmToken: "never-seen" });
    await unsubscribeDevice(a.id, { endpoint: url });
    expect(await rowsOf(a.id)).toEqual([]);
  });
});

describe("POST and DELETE /api/v1/push/subscriptions", () => {
  const BASE = "http://localhost/api/v1/push/subscriptions";
  const call = (route: typeof POST, method: string, body: unknown, token?: string) =>
    route(
      new Request(BASE, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );

  it("201 with the device; a repeat is the same device; DELETE answers 204, known or not", async () => {
    const m = await createTestMember();
    const { accessToken } = issueAccessToken(m.id);
    // exactly what PushSubscription.toJSON() gives
    const subscription = { endpoint: endpoint(), expirationTime: null, keys: new FakeBrowser().keys };
    const created = await call(POST, "POST", subscription, accessToken);
    expect(created.status).toBe(201);
    const device = await created.json();
    expect(device).toEqual({ id: expect.any(String), transport: "webpush", createdAt: expect.any(String) });
    expect((await (await call(POST, "POST", subscription, accessToken)).json()).id).toBe(device.id);

    const fcm = await call(POST, "POST", { fcmToken: `fcm-${crypto.randomUUID()}` }, accessToken);
    expect(fcm.status).toBe(201);
    expect((await fcm.json()).transport).toBe("fcm");

    const deleted = await call(DELETE, "DELETE", { endpoint: subscription.endpoint }, accessToken);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect((await call(DELETE, "DELETE", { endpoint: subscription.endpoint }, accessToken)).status).toBe(204);
    expect((await rowsOf(m.id)).map((r) => r.fcmToken)).toEqual([expect.stringMatching(/^fcm-/)]);
  });

  it("401 without a sign-in", async () => {
    const response = await call(POST, "POST", { fcmToken: "t" });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHORIZED");
    expect((await call(DELETE, "DELETE", { fcmToken: "t" })).status).toBe(401);
  });

  it.each([
    ["both transports", { endpoint: "https://push.example/x", keys: { p256dh: "a", auth: "b" }, fcmToken: "t" }],
    ["an endpoint without keys", { endpoint: "https://push.example/x" }],
    ["keys that are not a P-256 key", { endpoint: "https://push.example/x", keys: { p256dh: "AAAA", auth: "BBBB" } }],
    ["an endpoint off the push services", { endpoint: "https://169.254.169.254/latest", keys: new FakeBrowser().keys }],
    ["an unknown field", { fcmToken: "t", extra: true }],
    ["nothing", {}],
    ["not JSON", "{endpoint"],
  ])("400 VALIDATION (never a 500) for %s", async (_label, body) => {
    const m = await createTestMember();
    const response = await call(POST, "POST", body, issueAccessToken(m.id).accessToken);
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.error).toMatchObject({
      code: "VALIDATION",
      message: expect.any(String),
      details: { fieldErrors: expect.any(Object) },
    });
    expect(await rowsOf(m.id)).toEqual([]);
  });

  it("400 for a DELETE that names neither or both", async () => {
    const m = await createTestMember();
    const token = issueAccessToken(m.id).accessToken;
    expect((await call(DELETE, "DELETE", {}, token)).status).toBe(400);
    expect((await call(DELETE, "DELETE", { endpoint: "https://push.example/x", fcmToken: "t" }, token)).status).toBe(
      400,
    );
  });
});

describe("GET /api/v1/push/public-key", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const get = () =>
    getPublicKey(new Request("http://localhost/api/v1/push/public-key"), { params: Promise.resolve({}) });

  it("needs no sign-in and gives the VAPID public key", async () => {
    const keys = webpush.generateVAPIDKeys();
    vi.stubEnv("VAPID_PUBLIC_KEY", keys.publicKey);
    vi.stubEnv("VAPID_PRIVATE_KEY", keys.privateKey);
    vi.stubEnv("VAPID_SUBJECT", "mailto:ops@pinit.example");
    const response = await get();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ publicKey: keys.publicKey });
    expect(JSON.stringify(await (await get()).json())).not.toContain(keys.privateKey);
  });

  it("is null when web push is off or its settings are broken", async () => {
    vi.stubEnv("VAPID_PUBLIC_KEY", "");
    vi.stubEnv("VAPID_PRIVATE_KEY", "");
    vi.stubEnv("VAPID_SUBJECT", "");
    expect(await (await get()).json()).toEqual({ publicKey: null });
    vi.stubEnv("VAPID_PUBLIC_KEY", webpush.generateVAPIDKeys().publicKey);
    vi.stubEnv("VAPID_PRIVATE_KEY", webpush.generateVAPIDKeys().privateKey);
    vi.stubEnv("VAPID_SUBJECT", "mailto:ops@pinit.example");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await (await get()).json()).toEqual({ publicKey: null });
    warn.mockRestore();
  });
});
