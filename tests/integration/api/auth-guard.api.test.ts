// Every /api/v1 operation of this suite refuses a caller who is not signed in: no token, a forged, expired or
// otherwise unusable one — 401 with the api.md error body, before anything is validated or changed.
// The OpenAPI document and its page need no sign-in.
import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { issueAccessToken } from "@/lib/auth/access-token";
import { authSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import { GET as docsPage } from "@/app/api/docs/route";
import {
  PROTECTED_OPERATIONS,
  SCHEDULE_BODY,
  TASK_BODY,
  call,
  client,
  forgetMembers,
  getSchedule,
  getTask,
  newSchedule,
  newTask,
  ok,
  refused,
  testMember,
  type ApiPath,
  type CallOptions,
  type Caller,
  type Method,
} from "./client";

afterAll(forgetMembers);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const signWith = (secret: string, payload: unknown) => {
  const body = b64(payload);
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
};

/** callers that must all be refused, given the id of a real member */
function strangers(memberId: string): [string, Caller, Record<string, string>?][] {
  const now = Math.floor(Date.now() / 1000);
  const valid = issueAccessToken(memberId).accessToken;
  const [body, signature] = valid.split(".") as [string, string];
  const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
  return [
    ["no Authorization header", null],
    ["an empty bearer", { authorization: "Bearer " }],
    ["another scheme", { authorization: `Basic ${Buffer.from("user:pass").toString("base64")}` }],
    ["a token without the Bearer scheme", { authorization: valid }],
    ["a garbage token", { authorization: "Bearer not.a.token" }],
    ["a token with a tampered signature", { authorization: `Bearer ${body}.${flipped}` }],
    [
      "a token signed with another secret",
      {
        authorization: `Bearer ${signWith("x".repeat(48), { sub: memberId, iat: now, exp: now + 3600, typ: "access" })}`,
      },
    ],
    [
      "a token whose payload was swapped",
      { authorization: `Bearer ${b64({ sub: memberId, iat: now, exp: now + 99_999, typ: "access" })}.${signature}` },
    ],
    [
      "an expired token",
      { authorization: `Bearer ${issueAccessToken(memberId, new Date(Date.now() - 2 * 3600_000), 3600).accessToken}` },
    ],
    [
      "a token that expires now",
      { authorization: `Bearer ${issueAccessToken(memberId, new Date(Date.now() - 3600_000), 3600).accessToken}` },
    ],
    ["a token of a member who does not exist", { id: crypto.randomUUID() }],
    [
      "a token naming a non-UUID member",
      { authorization: `Bearer ${signWith(authSecret(), { sub: "admin", iat: now, exp: now + 3600, typ: "access" })}` },
    ],
    [
      "a token of another type",
      {
        authorization: `Bearer ${signWith(authSecret(), { sub: memberId, iat: now, exp: now + 3600, typ: "refresh" })}`,
      },
    ],
    [
      "a garbage session cookie",
      null,
      { cookie: "next-auth.session-token=garbage; __Secure-next-auth.session-token=garbage" },
    ],
    [
      "a bad bearer alongside a cookie",
      { authorization: "Bearer nope" },
      { cookie: "next-auth.session-token=garbage" },
    ],
  ];
}

/** a request each operation would accept from its owner: real ids, a valid body */
function wellFormed(method: Method, path: ApiPath, ids: { task: string; schedule: string }): CallOptions {
  let params: Record<string, string> | undefined;
  if (path.startsWith("/tasks/")) params = { id: ids.task };
  else if (path.startsWith("/schedules/")) params = { id: ids.schedule, action: "complete" };
  const bodies: Partial<Record<string, unknown>> = {
    "POST /tasks": TASK_BODY,
    "PATCH /tasks/{id}": { title: "taken over" },
    "POST /tasks/{id}/schedule": { startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK" },
    "POST /schedules": SCHEDULE_BODY,
    "PATCH /schedules/{id}": { title: "taken over" },
    "POST /schedules/{id}/{action}": {},
    "POST /schedules/{id}/reminder/snooze": { minutes: 10 },
  };
  const queries: Partial<Record<string, CallOptions["query"]>> = {
    "GET /schedules": { date: "2026-11-20" },
    "DELETE /tasks/{id}": { deleteSchedule: "true" },
    "DELETE /schedules/{id}": { deleteTask: "true" },
  };
  const name = `${method} ${path}`;
  return { params, body: bodies[name], query: queries[name] };
}

describe("without a usable sign-in", () => {
  it("covers every operation but the document", () => {
    expect(PROTECTED_OPERATIONS.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      [
        "GET /tasks",
        "POST /tasks",
        "GET /tasks/{id}",
        "PATCH /tasks/{id}",
        "DELETE /tasks/{id}",
        "POST /tasks/{id}/complete",
        "POST /tasks/{id}/reopen",
        "POST /tasks/{id}/schedule",
        "GET /schedules",
        "POST /schedules",
        "GET /schedules/{id}",
        "PATCH /schedules/{id}",
        "DELETE /schedules/{id}",
        "POST /schedules/{id}/{action}",
        "POST /schedules/{id}/reminder/snooze",
        "GET /statistics/week",
      ].sort(),
    );
  });

  it.each(PROTECTED_OPERATIONS.map((o) => [o.method, o.path] as const))(
    "%s %s answers 401 UNAUTHORIZED to every stranger and changes nothing",
    async (method, path) => {
      const owner = await testMember();
      const api = client(owner);
      const schedule = await newSchedule(api, { taskId: (await newTask(api)).id });
      const task = await getTask(api, schedule.taskId as string);
      const options = wellFormed(method, path, { task: task.id, schedule: schedule.id });

      for (const [what, caller, headers] of strangers(owner.id)) {
        const answer = await call(caller, method, path, {
          ...options,
          headers: { ...headers, "Idempotency-Key": `k-${what}` },
        });
        const error = refused(answer, 401, "UNAUTHORIZED");
        expect(error.details ?? {}, what).toEqual({});
        expect(answer.headers.get("cache-control")).toBe("no-store");
      }
      // authentication comes first: a bad body or a bad id without a sign-in is still 401, not 400
      const malformed: CallOptions = {
        params: options.params && { id: "nope", action: "nope" },
        query: { limit: "0", date: "2026-02-30", deleteTask: "maybe", deleteSchedule: "maybe" },
        raw: method === "GET" ? undefined : "{oops",
        headers: { "Idempotency-Key": "é" },
      };
      refused(await call(null, method, path, malformed), 401, "UNAUTHORIZED");

      expect(await getTask(api, task.id)).toEqual(task);
      expect(await getSchedule(api, schedule.id)).toEqual(schedule);
      expect(await db().task.count({ where: { memberId: owner.id } })).toBe(1);
      expect(await db().schedule.count({ where: { memberId: owner.id } })).toBe(1);
      expect(await db().idempotencyRecord.count({ where: { memberId: owner.id } })).toBe(0);
    },
  );

  it("the same well-formed requests succeed with the owner's own token (the 401s are about the caller only)", async () => {
    const owner = await testMember();
    const api = client(owner);
    const task = await newTask(api);
    const schedule = await newSchedule(api);
    for (const { method, path } of PROTECTED_OPERATIONS) {
      if (method === "DELETE" || path === "/schedules/{id}/reminder/snooze") continue; // destructive, or needs Inngest
      const answer = await call(
        owner,
        method,
        path,
        wellFormed(method, path, { task: task.id, schedule: schedule.id }),
      );
      expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300);
    }
  });
});

describe("no sign-in needed", () => {
  it("GET /api/v1/openapi.json answers the OpenAPI 3.1 document with every path of api.md", async () => {
    const answer = await call(null, "GET", "/openapi.json");
    const doc = ok(answer, 200, { parse: (x: unknown) => x as { openapi: string; paths: Record<string, unknown> } });
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/auth/signup",
        "/auth/token",
        "/me",
        "/tasks",
        "/tasks/{id}",
        "/tasks/{id}/complete",
        "/tasks/{id}/reopen",
        "/tasks/{id}/schedule",
        "/schedules",
        "/schedules/{id}",
        "/schedules/{id}/{action}",
        "/statistics/week",
        "/push/subscriptions",
      ]),
    );
    // even with a bad token: the document is public
    expect((await call({ authorization: "Bearer nope" }, "GET", "/openapi.json")).status).toBe(200);
  });

  it("GET /api/docs answers the readable page", async () => {
    const response = docsPage();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(await response.text()).toContain("/schedules/{id}/{action}");
  });
});
