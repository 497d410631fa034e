// Idempotency-Key on every creating POST (tasks, schedules, a task's schedule, push subscriptions, and completing or
// reopening a task), with the replay semantics of transitions: the first answer is stored with its effect, a repeat
// gets it back with Idempotent-Replayed: true (a refusal too), a concurrent repeat waits for it, the key with another
// body is 422 IDEMPOTENCY_KEY_REUSED. A POST that takes no key says so with a 400.
import { afterAll, describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/auth/signup/route";
import { POST as subscribeRoute } from "@/app/api/v1/push/subscriptions/route";
import { db } from "@/lib/db/client";
import {
  SCHEDULE_BODY,
  TASK_BODY,
  authorizationOf,
  callHandler,
  client,
  forgetMembers,
  newTask,
  refused,
  testMember,
  urlOf,
  type Answer,
  type Client,
} from "./client";

afterAll(forgetMembers);

type Creation = {
  name: string;
  /** sends the creating request with `key` (and a body that `variant` changes) */
  send: (ctx: Context, key: string, variant?: number) => Promise<Answer>;
  /** how many rows the creation made so far */
  count: (ctx: Context) => Promise<number>;
  status: number;
};
type Context = { api: Client; memberId: string; authorization: string; taskId: string };

const withKey = (key: string) => ({ "Idempotency-Key": key });

const CREATIONS: Creation[] = [
  {
    name: "POST /tasks",
    send: ({ api }, key, variant = 0) =>
      api.post("/tasks", { body: { ...TASK_BODY, importance: 5 + variant }, headers: withKey(key) }),
    count: ({ memberId }) => db().task.count({ where: { memberId } }),
    status: 201,
  },
  {
    name: "POST /schedules",
    send: ({ api }, key, variant = 0) =>
      api.post("/schedules", { body: { ...SCHEDULE_BODY, title: `s${variant}` }, headers: withKey(key) }),
    count: ({ memberId }) => db().schedule.count({ where: { memberId } }),
    status: 201,
  },
  {
    name: "POST /tasks/{id}/schedule",
    send: ({ api, taskId }, key, variant = 0) =>
      api.post("/tasks/{id}/schedule", {
        params: { id: taskId },
        body: { startAt: SCHEDULE_BODY.startAt, type: variant === 0 ? "DEEP_WORK" : "ADMIN_TASK" },
        headers: withKey(key),
      }),
    count: ({ memberId }) => db().schedule.count({ where: { memberId } }),
    status: 201,
  },
  {
    name: "POST /push/subscriptions",
    send: ({ authorization, memberId }, key, variant = 0) =>
      callHandler(subscribeRoute, "POST", urlOf("/push/subscriptions"), {
        headers: new Headers({ authorization, "content-type": "application/json", ...withKey(key) }),
        body: JSON.stringify({ fcmToken: `fcm-${memberId}-${variant}` }),
      }),
    count: ({ memberId }) => db().pushSubscription.count({ where: { memberId } }),
    status: 201,
  },
];

async function context(): Promise<Context> {
  const member = await testMember();
  const api = client(member);
  const task = await newTask(api);
  return { api, memberId: member.id, authorization: authorizationOf(member) as string, taskId: task.id };
}

describe.each(CREATIONS.map((c) => [c.name, c] as const))("Idempotency-Key on %s", (_name, creation) => {
  it("a repeat gets the first answer again, marked replayed, and creates nothing more", async () => {
    const ctx = await context();
    const before = await creation.count(ctx);
    const first = await creation.send(ctx, "create-1");
    expect(first.status, first.text).toBe(creation.status);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    const again = await creation.send(ctx, "create-1");
    expect(again.status).toBe(creation.status);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    expect(await creation.count(ctx)).toBe(before + 1);
    // another key is another request
    expect((await creation.send(ctx, "create-2", 1)).headers.get("Idempotent-Replayed")).toBeNull();
  });

  it("the same key with another body is 422 IDEMPOTENCY_KEY_REUSED, and changes nothing", async () => {
    const ctx = await context();
    expect((await creation.send(ctx, "reused")).status).toBe(creation.status);
    const count = await creation.count(ctx);
    refused(await creation.send(ctx, "reused", 1), 422, "IDEMPOTENCY_KEY_REUSED");
    expect(await creation.count(ctx)).toBe(count);
  });

  it("8 concurrent requests with one key: one effect, eight equal answers, seven of them replayed", async () => {
    const ctx = await context();
    const before = await creation.count(ctx);
    const answers = await Promise.all(Array.from({ length: 8 }, () => creation.send(ctx, "double-click")));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(creation.status));
    expect(answers.filter((a) => a.headers.get("Idempotent-Replayed") === null)).toHaveLength(1);
    for (const a of answers) expect(a.json).toEqual(answers[0]!.json);
    expect(await creation.count(ctx)).toBe(before + 1);
  });
});

describe("Idempotency-Key replays refusals and covers the task actions", () => {
  it("a refusal is stored too: the repeat is the same 409, replayed, even once the cause is gone", async () => {
    const ctx = await context();
    const body = { ...SCHEDULE_BODY, taskId: ctx.taskId };
    expect((await ctx.api.post("/schedules", { body })).status).toBe(201);
    const refusal = await ctx.api.post("/tasks/{id}/schedule", {
      params: { id: ctx.taskId },
      body: { startAt: SCHEDULE_BODY.startAt, type: "DEEP_WORK" },
      headers: withKey("dup"),
    });
    refused(refusal, 409, "DUPLICATE");
    expect(refusal.headers.get("Idempotent-Replayed")).toBeNull();
    const again = await ctx.api.post("/tasks/{id}/schedule", {
      params: { id: ctx.taskId },
      body: { startAt: SCHEDULE_BODY.startAt, type: "DEEP_WORK" },
      headers: withKey("dup"),
    });
    refused(again, 409, "DUPLICATE");
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
  });

  it("completing and reopening a task take a key with the same semantics", async () => {
    const ctx = await context();
    const params = { id: ctx.taskId };
    const done = await ctx.api.post("/tasks/{id}/complete", { params, headers: withKey("complete") });
    expect(done.status).toBe(200);
    const reopened = await ctx.api.post("/tasks/{id}/reopen", { params, headers: withKey("reopen") });
    expect(reopened.status).toBe(200);
    const replay = await ctx.api.post("/tasks/{id}/complete", { params, headers: withKey("complete") });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replay.json).toEqual(done.json);
    // the replay did not complete the task again
    expect((await ctx.api.get("/tasks/{id}", { params })).json).toMatchObject({ completed: false });
  });

  it("a POST that takes no key answers 400 naming Idempotency-Key, and does nothing", async () => {
    const username = `idem_${crypto.randomUUID().slice(0, 8)}`;
    const answer = await callHandler(signUpRoute, "POST", urlOf("/auth/signup"), {
      headers: new Headers({ "content-type": "application/json", ...withKey("k") }),
      body: JSON.stringify({ username, password: "secret123", timezone: "UTC" }),
    });
    const error = refused(answer, 400, "VALIDATION");
    expect(error.details?.fieldErrors).toEqual({
      "Idempotency-Key": ["is not taken by this route: send the request without it"],
    });
    expect(await db().member.count({ where: { username } })).toBe(0);
  });
});
