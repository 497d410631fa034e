import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { DomainError, notFound } from "@/lib/domain/errors";
import { EmptyBody, IdParams } from "@/lib/contracts/common";
import { ScheduleActionParams, TransitionInput, ListSchedulesQuery } from "@/lib/contracts/schedule";
import { CreateTaskInput, ListTasksQuery, TaskView, UpdateTaskInput } from "@/lib/contracts/task";
import {
  MAX_BODY_BYTES,
  canonicalJson,
  createApiHandler,
  json,
  queryObject,
  requestFingerprint,
  type Authenticate,
} from "@/lib/http/handler";

const MEMBER = "0192f4c8-0000-7000-8000-000000000001";
const ID = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e";
const BASE = "http://localhost/api/v1";

const authenticate: Authenticate = vi.fn(async (request: Request) =>
  request.headers.get("authorization") === "Bearer good" ? { memberId: MEMBER } : null,
);
const apiHandler = createApiHandler({ authenticate });

type Call = {
  method?: string;
  path?: string;
  body?: BodyInit | null;
  json?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  auth?: boolean;
};

function request({ method = "POST", path = "/tasks", body, json: data, headers = {}, auth = true }: Call): Request {
  const all: Record<string, string> = { ...headers };
  if (auth) all.authorization = "Bearer good";
  if (data !== undefined) all["content-type"] ??= "application/json";
  return new Request(`${BASE}${path}`, {
    method,
    headers: all,
    body: data !== undefined ? JSON.stringify(data) : body,
  });
}

function call(route: ReturnType<typeof apiHandler>, c: Call = {}): Promise<Response> {
  return route(request(c), { params: Promise.resolve(c.params ?? {}) });
}

async function fieldErrorsOf(response: Response): Promise<Record<string, string[]>> {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe("VALIDATION");
  expect(body.error.message).toEqual(expect.any(String));
  return body.error.details.fieldErrors;
}

afterEach(() => vi.restoreAllMocks());

const validTask = { title: "Write", deadline: "2026-03-01", importance: 5, difficulty: 3 };

describe("authentication", () => {
  it("answers 401 with the api.md body when nobody is signed in, without calling the handler", async () => {
    const handler = vi.fn();
    const route = apiHandler({ body: CreateTaskInput }, handler);
    const response = await call(route, { json: validTask, auth: false });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "UNAUTHORIZED", message: expect.any(String), details: {} },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("gives the handler the member's id", async () => {
    const route = apiHandler({}, ({ memberId }) => ({ memberId }));
    const response = await call(route, { method: "GET" });
    expect(await response.json()).toEqual({ memberId: MEMBER });
  });

  it("auth: false skips authentication", async () => {
    const fake = vi.fn<Authenticate>();
    const route = apiHandler({ auth: false, authenticate: fake }, ({ memberId }) => ({ memberId }));
    const response = await call(route, { method: "GET", auth: false });
    expect(await response.json()).toEqual({ memberId: null });
    expect(fake).not.toHaveBeenCalled();
  });

  it("a per-route authenticate overrides the bound one", async () => {
    const route = apiHandler({ authenticate: async () => ({ memberId: "someone" }) }, ({ memberId }) => ({ memberId }));
    expect(await (await call(route, { method: "GET", auth: false })).json()).toEqual({ memberId: "someone" });
  });

  it("an authentication that throws is a 500, not a crash", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const route = apiHandler(
      {
        authenticate: async () => {
          throw new Error("session store down");
        },
      },
      () => ({}),
    );
    const response = await call(route, { method: "GET" });
    expect(response.status).toBe(500);
  });
});

describe("the JSON body", () => {
  const route = apiHandler({ body: CreateTaskInput, status: 201 }, ({ body }) => body);

  it("parses a valid body into the contract's output", async () => {
    const response = await call(route, { json: validTask });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      ...validTask,
      description: "",
      expectedMinutes: null,
      previousTaskIds: [],
      nextTaskIds: [],
      goalId: null,
    });
  });

  it("malformed JSON → 400", async () => {
    const response = await call(route, { body: '{"title": "x",', headers: { "content-type": "application/json" } });
    expect(await fieldErrorsOf(response)).toEqual({ _: ["must be valid JSON"] });
  });

  it.each([[[]], [[validTask]], [null], ["a string"], [42], [true]])("the non-object %j → 400", async (value) => {
    const response = await call(route, { json: value });
    expect(await fieldErrorsOf(response)).toEqual({ _: ["must be a JSON object"] });
  });

  it("a body over 64 KiB → 400, by Content-Length", async () => {
    const big = JSON.stringify({ ...validTask, description: "d".repeat(MAX_BODY_BYTES) });
    const response = await call(route, { body: big, headers: { "content-type": "application/json" } });
    expect(await fieldErrorsOf(response)).toEqual({ _: ["must be at most 64 KiB"] });
  });

  it("a body over 64 KiB → 400, counted while streaming (no Content-Length)", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 100) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const req = new Request(`${BASE}/tasks`, {
      method: "POST",
      headers: { authorization: "Bearer good", "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    const response = await route(req, { params: Promise.resolve({}) });
    expect(await fieldErrorsOf(response)).toEqual({ _: ["must be at most 64 KiB"] });
    expect(sent).toBeLessThan(10); // it stopped reading
  });

  it("exactly 64 KiB is read", async () => {
    const base = JSON.stringify(validTask);
    const padded = base.slice(0, -1) + " ".repeat(MAX_BODY_BYTES - base.length) + "}";
    expect(new TextEncoder().encode(padded).length).toBe(MAX_BODY_BYTES);
    expect((await call(route, { body: padded, headers: { "content-type": "application/json" } })).status).toBe(201);
  });

  it.each([["text/plain"], ["application/x-www-form-urlencoded"], ["multipart/form-data; boundary=x"]])(
    "content type %s → 400",
    async (type) => {
      const response = await call(route, { body: JSON.stringify(validTask), headers: { "content-type": type } });
      expect(await fieldErrorsOf(response)).toEqual({ "Content-Type": ["must be application/json"] });
    },
  );

  it("a missing content type → 400", async () => {
    const req = new Request(`${BASE}/tasks`, {
      method: "POST",
      headers: { authorization: "Bearer good" },
      body: new TextEncoder().encode(JSON.stringify(validTask)),
    });
    expect(req.headers.get("content-type")).toBeNull();
    expect(await fieldErrorsOf(await route(req, { params: Promise.resolve({}) }))).toEqual({
      "Content-Type": ["must be application/json"],
    });
  });

  it("takes application/json with a charset, and +json types", async () => {
    for (const type of ["application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"]) {
      const response = await call(route, { body: JSON.stringify(validTask), headers: { "content-type": type } });
      expect(response.status).toBe(201);
    }
  });

  it("invalid UTF-8 → 400", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    const response = await call(route, { body: bytes, headers: { "content-type": "application/json" } });
    expect(await fieldErrorsOf(response)).toEqual({ _: ["must be UTF-8 text"] });
  });

  it("a deeply nested body → 400", async () => {
    const deep = `{"title":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const response = await call(route, { body: deep, headers: { "content-type": "application/json" } });
    expect(await fieldErrorsOf(response)).toEqual({ _: ["must not nest deeper than 32 levels"] });
  });

  it("wrong types → 400 listing every field", async () => {
    const response = await call(route, {
      json: { title: 1, deadline: 20260301, importance: "5", difficulty: [3], expectedMinutes: "90", unknown: 1 },
    });
    expect(await fieldErrorsOf(response)).toEqual({
      title: ["must be text"],
      deadline: ["must be a date YYYY-MM-DD that exists"],
      importance: ["must be a whole number"],
      difficulty: ["must be one of 1, 2, 3, 5, 8, 13, 21"],
      expectedMinutes: ["must be a whole number"],
      unknown: ["is not a known field"],
    });
  });

  it("an empty body counts as {} (action POSTs)", async () => {
    const transition = apiHandler({ params: ScheduleActionParams, body: TransitionInput }, ({ body, params }) => ({
      body,
      params,
    }));
    const params = { id: ID, action: "start" };
    for (const c of [
      { path: `/schedules/${ID}/start`, params },
      { path: `/schedules/${ID}/start`, params, body: "", headers: { "content-type": "text/plain" } },
      { path: `/schedules/${ID}/start`, params, json: {} },
    ]) {
      const response = await call(transition, c);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ body: { switch: false }, params });
    }
    const withSwitch = await call(transition, { path: `/schedules/${ID}/start`, params, json: { switch: true } });
    expect((await withSwitch.json()).body).toEqual({ switch: true });
  });

  it("an empty body is {}: a creation lists every required field", async () => {
    expect(await fieldErrorsOf(await call(route, {}))).toEqual({
      title: ["is required"],
      deadline: ["is required"],
      importance: ["is required"],
      difficulty: ["is required"],
    });
  });

  it("EmptyBody refuses anything in the body of an action", async () => {
    const complete = apiHandler({ params: IdParams, body: EmptyBody }, () => ({ ok: true }));
    expect(await fieldErrorsOf(await call(complete, { params: { id: ID }, json: { force: true } }))).toEqual({
      force: ["is not a known field"],
    });
  });

  it("without a body schema the body is not read", async () => {
    const route2 = apiHandler({}, () => ({ ok: true }));
    expect((await call(route2, { body: "not json", headers: { "content-type": "text/plain" } })).status).toBe(200);
  });
});

describe("path and query", () => {
  it("parses params (a Promise, as Next 16 gives them) and the query string", async () => {
    const route = apiHandler({ params: IdParams, query: ListTasksQuery }, ({ params, query }) => ({ params, query }));
    const response = await call(route, {
      method: "GET",
      path: `/tasks/${ID}?status=archived&limit=5`,
      params: { id: ID.toUpperCase() },
    });
    expect(await response.json()).toEqual({ params: { id: ID }, query: { status: "archived", limit: 5 } });
  });

  it("lists the refusals of path, query, header and body together", async () => {
    const route = apiHandler(
      { params: IdParams, query: ListTasksQuery, body: UpdateTaskInput, idempotent: true },
      () => ({}),
    );
    const response = await call(route, {
      method: "POST",
      path: "/tasks/nope?limit=0",
      params: { id: "nope" },
      headers: { "idempotency-key": "" },
      json: { importance: 0 },
    });
    expect(await fieldErrorsOf(response)).toEqual({
      id: ["must be a UUID"],
      limit: ["must be at least 1"],
      "Idempotency-Key": ["must be at least 1 character", "must contain only printable ASCII characters"],
      importance: ["must be at least 1"],
    });
  });

  it("reads an Idempotency-Key only on a POST: on a read it is ignored, never refused", async () => {
    const route = apiHandler({}, ({ idempotencyKey }) => ({ idempotencyKey }));
    const read = await call(route, { method: "GET", path: "/me", headers: { "idempotency-key": "é" } });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ idempotencyKey: null });
    const write = await call(route, { method: "POST", path: "/x", headers: { "idempotency-key": "é" } });
    expect(write.status).toBe(400);
  });

  it("a query refusal about the whole query is under _", async () => {
    const route = apiHandler({ query: ListSchedulesQuery }, ({ query }) => query);
    const response = await call(route, { method: "GET", path: "/schedules?from=2026-03-01&to=2026-04-12" });
    expect(await fieldErrorsOf(response)).toEqual({ to: ["must be at most 42 days from from, both days included"] });
    expect(await fieldErrorsOf(await call(route, { method: "GET", path: "/schedules" }))).toEqual({
      _: ["give date, or from and to"],
    });
  });

  it("a repeated query key is refused, not silently picked", async () => {
    const route = apiHandler({ query: ListTasksQuery }, ({ query }) => query);
    expect(await fieldErrorsOf(await call(route, { method: "GET", path: "/tasks?limit=1&limit=2" }))).toEqual({
      limit: ["must be a whole number"],
    });
  });

  it("queryObject", () => {
    expect(queryObject(new URLSearchParams("a=1&b=2&a=3&c="))).toEqual({ a: ["1", "3"], b: "2", c: "" });
  });

  it("has the shape Next 16 checks a route export against", () => {
    // what .next/types/validator.ts demands of GET/POST/… in app/**/route.ts
    type NextRouteExport<P> = (
      request: NextRequest,
      context: { params: Promise<P> },
    ) => Promise<Response | void> | Response | void;
    const dynamic: NextRouteExport<{ id: string; action: string }> = apiHandler(
      { params: ScheduleActionParams },
      () => ({}),
    );
    const fixed: NextRouteExport<Record<string, never>> = apiHandler({}, () => ({}));
    expect([dynamic, fixed]).toHaveLength(2);
  });

  it("works when Next gives no context", async () => {
    const route = apiHandler({}, () => ({ ok: true }));
    expect((await route(request({ method: "GET" }))).status).toBe(200);
  });
});

describe("Idempotency-Key and fingerprint", () => {
  const route = apiHandler(
    { params: ScheduleActionParams, body: TransitionInput, idempotent: true },
    ({ idempotencyKey, fingerprint }) => ({
      idempotencyKey,
      fingerprint,
    }),
  );
  const params = { id: ID, action: "start" };
  const path = `/schedules/${ID}/start`;

  it("passes a valid key on, null without one", async () => {
    const withKey = await call(route, { path, params, headers: { "Idempotency-Key": "abc-123" } });
    expect((await withKey.json()).idempotencyKey).toBe("abc-123");
    const without = await call(route, { path, params });
    expect((await without.json()).idempotencyKey).toBeNull();
  });

  it("a POST route that takes no key refuses one with a 400 that says so, never ignoring it silently", async () => {
    const plain = apiHandler({ params: ScheduleActionParams, body: TransitionInput }, () => ({ ran: true }));
    const answer = await call(plain, { path, params, headers: { "Idempotency-Key": "abc-123" } });
    expect(await fieldErrorsOf(answer)).toEqual({
      "Idempotency-Key": ["is not taken by this route: send the request without it"],
    });
    expect((await call(plain, { path, params })).status).toBe(200);
    // a repeatable action accepts it and stores nothing
    const repeatable = apiHandler(
      { params: ScheduleActionParams, body: TransitionInput, idempotent: "repeatable" },
      ({ idempotencyKey }) => ({ idempotencyKey }),
    );
    expect(await (await call(repeatable, { path, params, headers: { "Idempotency-Key": "abc-123" } })).json()).toEqual({
      idempotencyKey: "abc-123",
    });
  });

  it("refuses 256 characters or a non-ASCII character as a VALIDATION of the header", async () => {
    expect(
      await fieldErrorsOf(await call(route, { path, params, headers: { "Idempotency-Key": "k".repeat(256) } })),
    ).toEqual({
      "Idempotency-Key": ["must be at most 255 characters"],
    });
    expect(await fieldErrorsOf(await call(route, { path, params, headers: { "Idempotency-Key": "café" } }))).toEqual({
      "Idempotency-Key": ["must contain only printable ASCII characters"],
    });
  });

  it("fingerprint = sha256(method + ' ' + pathname + ' ' + canonical JSON of the body)", async () => {
    const response = await call(route, { path, params, json: { switch: true } });
    const expected = createHash("sha256").update(`POST /api/v1${path} {"switch":true}`).digest("hex");
    expect((await response.json()).fingerprint).toBe(expected);
  });

  it("no body and {} are the same request; another body, path or method is not", async () => {
    const fingerprint = async (c: Call) => (await (await call(route, c)).json()).fingerprint as string;
    const none = await fingerprint({ path, params });
    expect(await fingerprint({ path, params, json: {} })).toBe(none);
    expect(await fingerprint({ path, params, json: { switch: true } })).not.toBe(none);
    expect(await fingerprint({ path: `/schedules/${ID}/pause`, params: { id: ID, action: "pause" } })).not.toBe(none);
    expect(await fingerprint({ method: "PUT", path, params })).not.toBe(none);
  });

  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 1 }] })).toBe('{"a":[{"c":1,"d":2}],"b":1}');
    expect(requestFingerprint("post", "/x", { b: 1, a: 2 })).toBe(requestFingerprint("POST", "/x", { a: 2, b: 1 }));
  });
});

describe("answers", () => {
  it("a thrown DomainError goes through the one mapping", async () => {
    const route = apiHandler({}, () => {
      throw new DomainError("ANOTHER_SCHEDULE_ACTIVE", "Another one runs.", { activeScheduleId: ID });
    });
    const response = await call(route);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: "ANOTHER_SCHEDULE_ACTIVE", message: "Another one runs.", details: { activeScheduleId: ID } },
    });
  });

  it("an unknown error → 500 generic, logged, its message not leaked", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = apiHandler({}, async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret')");
    });
    const response = await call(route);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side." } });
    expect(text).not.toContain("secret");
    expect(log).toHaveBeenCalled();
  });

  it("a ZodError thrown by a service is a 400 too", async () => {
    const route = apiHandler({}, () => z.object({ a: z.string({ error: "must be text" }) }).parse({}));
    expect(await fieldErrorsOf(await call(route))).toEqual({ a: ["must be text"] });
  });

  it("201 and 204", async () => {
    const created = apiHandler({ status: 201 }, () => ({ id: ID }));
    const r1 = await call(created);
    expect(r1.status).toBe(201);
    expect(r1.headers.get("cache-control")).toBe("no-store");
    const deleted = apiHandler({ status: 204 }, () => undefined);
    const r2 = await call(deleted, { method: "DELETE" });
    expect(r2.status).toBe(204);
    expect(await r2.text()).toBe("");
  });

  it("the handler may set headers, kept on success and on refusal", async () => {
    const ok = apiHandler({}, ({ responseHeaders }) => {
      responseHeaders.set("Idempotent-Replayed", "true");
      return { ok: true };
    });
    expect((await call(ok)).headers.get("idempotent-replayed")).toBe("true");
    const refused = apiHandler({}, ({ responseHeaders }) => {
      responseHeaders.set("Idempotent-Replayed", "true");
      throw notFound("Schedule");
    });
    const response = await call(refused);
    expect(response.status).toBe(404);
    expect(response.headers.get("idempotent-replayed")).toBe("true");
  });

  it("the handler may return its own Response", async () => {
    const route = apiHandler({}, ({ responseHeaders }) => {
      responseHeaders.set("X-Extra", "1");
      return json({ replay: true }, { status: 202, headers: { "Idempotent-Replayed": "true" } });
    });
    const response = await call(route);
    expect(response.status).toBe(202);
    expect(response.headers.get("idempotent-replayed")).toBe("true");
    expect(response.headers.get("x-extra")).toBe("1");
    expect(await response.json()).toEqual({ replay: true });
  });

  it("outside production, an answer that breaks its output contract is a 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const route = apiHandler({ output: TaskView }, () => ({ id: ID, memberId: MEMBER }));
    expect((await call(route, { method: "GET" })).status).toBe(500);
  });
});
