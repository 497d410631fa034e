// GET /api/v1/push/status (issue 17.4): the server's side of the reminder status in settings. Push keys as the
// environment has them, the event engine's mode and whether it answers, whether this device is subscribed for
// the signed-in member, when a reminder last reached it, and the member's events waiting for the engine.
import http from "node:http";
import type net from "node:net";
import webpush from "web-push";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as statusRoute from "@/app/api/v1/push/status/route";
import { forgetEngineProbes } from "@/inngest/probe";
import { ReminderStatusView } from "@/lib/contracts/reminder";
import { db } from "@/lib/db/client";
import { markDelivered, subscribeDevice } from "@/lib/services/push/subscriptions";
import { forgetMembers, ok, refused, routeCaller, testMember } from "../api/client";

const ENV = ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT", "FIREBASE_SERVICE_ACCOUNT"] as const;
const ENGINE_ENV = ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_API_BASE_URL", "INNGEST_SIGNING_KEY"] as const;
const saved = Object.fromEntries([...ENV, ...ENGINE_ENV, "NODE_ENV"].map((k) => [k, process.env[k]]));
const env = process.env as Record<string, string | undefined>;

let engine: http.Server;
let engineUrl = "";
beforeAll(async () => {
  engine = http.createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => engine.listen(0, "127.0.0.1", resolve));
  engineUrl = `http://127.0.0.1:${(engine.address() as net.AddressInfo).port}/`;
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  forgetEngineProbes();
});
afterAll(async () => {
  await forgetMembers();
  await new Promise<void>((resolve) => engine.close(() => resolve()));
});

const status = (member: { id: string } | null, query: Record<string, string> = {}) =>
  routeCaller({ "/push/status": statusRoute }, member)("GET", "/push/status", { query });

const ENDPOINT = (id: string) => `https://fcm.googleapis.com/fcm/send/${id}`;
const KEYS = {
  p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
  auth: "tBHItJI5svbpez7KI4CCXg",
};

function useEngine(kind: "dev" | "off" | "down") {
  for (const k of ENGINE_ENV) delete env[k];
  env.NODE_ENV = "test";
  if (kind === "dev") env.INNGEST_DEV = engineUrl;
  if (kind === "down") env.INNGEST_DEV = "http://127.0.0.1:9/";
}

describe("GET /push/status", () => {
  it("says the server has web push keys and the dev engine answers; this device is not subscribed yet", async () => {
    const keys = webpush.generateVAPIDKeys();
    Object.assign(env, {
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: "mailto:a@b.example",
    });
    delete env.FIREBASE_SERVICE_ACCOUNT;
    useEngine("dev");
    const member = await testMember();
    const answer = ok(await status(member, { endpoint: ENDPOINT(member.id) }), 200, ReminderStatusView);
    expect(answer).toEqual({
      push: { webPush: "on", fcm: "unset", reason: null },
      engine: { mode: "dev", reachable: true, waitingEvents: 0 },
      device: { subscribed: false, lastSentAt: null },
      lastSentAt: null,
    });
  });

  it("says what is wrong: no keys, half keys, engine off or unreachable", async () => {
    for (const k of ENV) delete env[k];
    useEngine("off");
    const member = await testMember();
    const none = ok(await status(member), 200, ReminderStatusView);
    expect(none.push).toEqual({ webPush: "unset", fcm: "unset", reason: null });
    expect(none.engine).toMatchObject({ mode: "off", reachable: false });

    env.VAPID_PUBLIC_KEY = "not-a-key";
    useEngine("down");
    const half = ok(await status(member), 200, ReminderStatusView);
    expect(half.push.webPush).toBe("invalid");
    expect(half.push.reason).toMatch(/^web push is off: /);
    expect(half.engine).toMatchObject({ mode: "dev", reachable: false });
  });

  it("names this device's subscription and when a reminder last reached it, for its own member only", async () => {
    useEngine("off");
    const member = await testMember();
    const other = await testMember();
    const mine = await subscribeDevice(member.id, { endpoint: ENDPOINT(`${member.id}-1`), keys: KEYS });
    await subscribeDevice(member.id, { endpoint: ENDPOINT(`${member.id}-2`), keys: KEYS });
    const before = (await db().pushSubscription.findUniqueOrThrow({ where: { id: mine.id } })).updatedAt;
    const sentAt = new Date("2026-12-07T08:00:00.000Z");
    await markDelivered([mine.id], sentAt);
    // delivering is not a refresh: the eviction order (updatedAt) is unchanged
    expect((await db().pushSubscription.findUniqueOrThrow({ where: { id: mine.id } })).updatedAt).toEqual(before);

    const one = ok(await status(member, { endpoint: ENDPOINT(`${member.id}-1`) }), 200, ReminderStatusView);
    expect(one.device).toEqual({ subscribed: true, lastSentAt: sentAt.toISOString() });
    expect(one.lastSentAt).toBe(sentAt.toISOString());
    const two = ok(await status(member, { endpoint: ENDPOINT(`${member.id}-2`) }), 200, ReminderStatusView);
    expect(two.device).toEqual({ subscribed: true, lastSentAt: null });
    expect(two.lastSentAt).toBe(sentAt.toISOString());
    // another member's endpoint is simply not this member's device
    const theirs = ok(await status(other, { endpoint: ENDPOINT(`${member.id}-1`) }), 200, ReminderStatusView);
    expect(theirs).toMatchObject({ device: { subscribed: false, lastSentAt: null }, lastSentAt: null });
  });

  it("counts the member's events that have waited more than a minute for the engine", async () => {
    useEngine("off");
    const member = await testMember();
    const old = new Date(Date.now() - 5 * 60_000);
    await db().outboxEvent.createMany({
      data: [
        { id: crypto.randomUUID(), type: "member.created", memberId: member.id, occurredAt: old },
        { id: crypto.randomUUID(), type: "member.created", memberId: member.id, occurredAt: new Date() },
        { id: crypto.randomUUID(), type: "member.created", memberId: member.id, occurredAt: old, sentAt: new Date() },
      ],
    });
    expect(ok(await status(member), 200, ReminderStatusView).engine.waitingEvents).toBe(1);
  });

  it("needs a sign-in, and refuses an unknown query field", async () => {
    refused(await status(null), 401, "UNAUTHORIZED");
    const member = await testMember();
    refused(await status(member, { device: "x" }), 400, "VALIDATION");
  });
});
