// Calls the real /api/v1 route exports the way Next 16 does — (Request, { params: Promise }) — with a
// member's bearer token, and reads the answer back. No server: the route module IS the system under test.
//
//   const api = client(member);
//   const created = await api.post("/tasks", { body: { title: "t", ... } });
//   const task = TaskView.parse(created.json);
//   await api.post("/schedules/{id}/{action}", { params: { id, action: "start" }, headers: { "Idempotency-Key": "k" } });
//
// Paths are the OpenAPI document's templates (without the /api/v1 prefix); ROUTES maps each to its module.
import { expect } from "vitest";
import { issueAccessToken } from "@/lib/auth/access-token";
import { db } from "@/lib/db/client";
import { ErrorBody } from "@/lib/contracts/common";
import { ScheduleView } from "@/lib/contracts/schedule";
import { TaskView } from "@/lib/contracts/task";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as scheduleActionRoute from "@/app/api/v1/schedules/[id]/[action]/route";
import * as snoozeRoute from "@/app/api/v1/schedules/[id]/reminder/snooze/route";
import * as scheduleRoute from "@/app/api/v1/schedules/[id]/route";
import * as schedulesRoute from "@/app/api/v1/schedules/route";
import * as weekRoute from "@/app/api/v1/statistics/week/route";
import * as completeTaskRoute from "@/app/api/v1/tasks/[id]/complete/route";
import * as reopenTaskRoute from "@/app/api/v1/tasks/[id]/reopen/route";
import * as taskRoute from "@/app/api/v1/tasks/[id]/route";
import * as scheduleTaskRoute from "@/app/api/v1/tasks/[id]/schedule/route";
import * as tasksRoute from "@/app/api/v1/tasks/route";
import { createTestMember } from "../../support/fixtures";

export const METHODS = ["GET", "POST", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Response | Promise<Response>;
export type RouteModule = Partial<Record<Method, RouteHandler>>;

/** the OpenAPI path templates this suite covers → their route modules (auth, me and push belong to others) */
export const ROUTES = {
  "/openapi.json": openapiRoute,
  "/tasks": tasksRoute,
  "/tasks/{id}": taskRoute,
  "/tasks/{id}/complete": completeTaskRoute,
  "/tasks/{id}/reopen": reopenTaskRoute,
  "/tasks/{id}/schedule": scheduleTaskRoute,
  "/schedules": schedulesRoute,
  "/schedules/{id}": scheduleRoute,
  "/schedules/{id}/{action}": scheduleActionRoute,
  "/schedules/{id}/reminder/snooze": snoozeRoute,
  "/statistics/week": weekRoute,
} satisfies Record<string, RouteModule>;
export type ApiPath = keyof typeof ROUTES;

/** every (method, path) of ROUTES that needs a sign-in, i.e. every operation but the document itself */
export const PROTECTED_OPERATIONS: readonly { method: Method; path: ApiPath }[] = (Object.keys(ROUTES) as ApiPath[])
  .filter((path) => path !== "/openapi.json")
  .flatMap((path) =>
    METHODS.filter((m) => (ROUTES[path] as RouteModule)[m] !== undefined).map((method) => ({ method, path })),
  );

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export type CallOptions = {
  /** the dynamic segments, e.g. { id, action } (given to the handler raw, and percent-encoded into the URL) */
  params?: Record<string, string>;
  query?: Query;
  headers?: Record<string, string>;
  /** a JSON body (stringified, with Content-Type: application/json) */
  body?: unknown;
  /** the exact bytes of the body (Content-Type: application/json unless headers say otherwise) */
  raw?: string | Uint8Array;
};

export type Answer = {
  status: number;
  headers: Headers;
  /** the parsed JSON body (undefined when the body is empty) */
  json: unknown;
  text: string;
};

/** who calls: a member (a fresh bearer token is minted), a raw Authorization header value, or nobody */
export type Caller = { id: string } | { authorization: string } | null;

export function urlOf(path: string, params: Record<string, string> = {}, query: Query = {}): URL {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    // a lone surrogate cannot be percent-encoded; the handler gets the raw value through params anyway
    return value.isWellFormed() ? encodeURIComponent(value) : "_";
  });
  const url = new URL(`http://localhost/api/v1${filled}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
    else url.searchParams.set(key, String(value));
  }
  return url;
}

export function authorizationOf(caller: Caller): string | null {
  if (caller === null) return null;
  if ("authorization" in caller) return caller.authorization;
  return `Bearer ${issueAccessToken(caller.id).accessToken}`;
}

/** the handler of (method, path) in `routes`; fails the test when the module does not export it */
export function handlerOf(routes: Record<string, RouteModule>, method: Method, path: string): RouteHandler {
  const handler = routes[path]?.[method];
  if (!handler) throw new Error(`no ${method} export for ${path}`);
  return handler;
}

/** builds the Request, calls the handler as Next does, reads the answer */
export async function callHandler(
  handler: RouteHandler,
  method: Method,
  url: URL,
  options: { params?: Record<string, string>; headers?: Headers; body?: string | Uint8Array | null } = {},
): Promise<Answer> {
  const request = new Request(url, {
    method,
    headers: options.headers,
    body: options.body === null || options.body === undefined ? undefined : (options.body as BodyInit),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = undefined;
  if (text !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(
        `${method} ${url.pathname} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
      );
    }
  }
  return { status: response.status, headers: response.headers, json, text };
}

export async function call(caller: Caller, method: Method, path: ApiPath, options: CallOptions = {}): Promise<Answer> {
  return callRoute(ROUTES, caller, method, path, options);
}

/** `caller` calling `method path` of `routes` (route modules outside ROUTES, e.g. the goals' or the plan's) */
export function routeCaller<P extends string>(routes: Record<P, RouteModule>, caller: Caller) {
  return (method: Method, path: P, options: CallOptions = {}): Promise<Answer> =>
    callRoute(routes, caller, method, path, options);
}

async function callRoute<P extends string>(
  routes: Record<P, RouteModule>,
  caller: Caller,
  method: Method,
  path: P,
  options: CallOptions,
): Promise<Answer> {
  const headers = new Headers(options.headers);
  const authorization = authorizationOf(caller);
  if (authorization !== null && !headers.has("authorization")) headers.set("authorization", authorization);
  let body: string | Uint8Array | null = null;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== null && !headers.has("content-type")) headers.set("content-type", "application/json");
  return callHandler(handlerOf(routes, method, path), method, urlOf(path, options.params, options.query), {
    params: options.params,
    headers,
    body,
  });
}

export type Client = {
  get(path: ApiPath, options?: CallOptions): Promise<Answer>;
  post(path: ApiPath, options?: CallOptions): Promise<Answer>;
  patch(path: ApiPath, options?: CallOptions): Promise<Answer>;
  delete(path: ApiPath, options?: CallOptions): Promise<Answer>;
  call(method: Method, path: ApiPath, options?: CallOptions): Promise<Answer>;
};

export function client(caller: Caller): Client {
  return {
    get: (path, options) => call(caller, "GET", path, options),
    post: (path, options) => call(caller, "POST", path, options),
    patch: (path, options) => call(caller, "PATCH", path, options),
    delete: (path, options) => call(caller, "DELETE", path, options),
    call: (method, path, options) => call(caller, method, path, options),
  };
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

/** the answer's body, checked to be 2xx and shaped by `schema` (a contract output schema) */
export function ok<T>(answer: Answer, status: number, schema: { parse(value: unknown): T }): T {
  expect(answer.status, `expected ${status}, got ${answer.status}: ${answer.text}`).toBe(status);
  return schema.parse(answer.json);
}

/** the refusal's error, checked: the status, the code, and the api.md error body */
export function refused(answer: Answer, status: number, code: string): ErrorBody["error"] {
  expect(answer.status, `expected ${status} ${code}, got ${answer.status}: ${answer.text}`).toBe(status);
  const parsed = ErrorBody.safeParse(answer.json);
  expect(parsed.success, `not the api.md error body: ${answer.text}`).toBe(true);
  // the raw body, not zod's copy: a record key such as "__proto__" must survive to be checked
  const error = (answer.json as ErrorBody).error;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

/** a 400 VALIDATION whose details.fieldErrors names every field in `fields`; returns the field errors */
export function invalid(answer: Answer, ...fields: string[]): Record<string, string[]> {
  const error = refused(answer, 400, "VALIDATION");
  const fieldErrors = error.details?.fieldErrors;
  expect(fieldErrors, `no details.fieldErrors in ${answer.text}`).toBeDefined();
  for (const field of fields) {
    expect(Object.keys(fieldErrors ?? {}), `details.fieldErrors of ${answer.text}`).toContain(field);
    expect(fieldErrors?.[field]?.length ?? 0).toBeGreaterThan(0);
  }
  return fieldErrors ?? {};
}

/** a random UUID that names nothing */
export const unknownId = () => crypto.randomUUID();

/** a string of `n` Unicode characters (code points) */
export const chars = (n: number, c = "a") => c.repeat(n);

// ---------------------------------------------------------------------------------------------
// Members, and cleaning up after them
// ---------------------------------------------------------------------------------------------

const createdMembers = new Set<string>();

/** a member made for this file (createTestMember), removed again by forgetMembers() */
export async function testMember(overrides: Parameters<typeof createTestMember>[0] = {}) {
  const member = await createTestMember(overrides);
  createdMembers.add(member.id);
  return member;
}

/**
 * Deletes the members this file made, and with them (cascade) everything they own, so that the files that
 * run after this one in the same database find it as they would without it. Call it in afterAll.
 */
/** a new test member and their API client */
export async function signedIn(overrides: Parameters<typeof createTestMember>[0] = {}) {
  const member = await testMember(overrides);
  return { member, api: client(member) };
}

export async function forgetMembers(): Promise<void> {
  const ids = [...createdMembers];
  createdMembers.clear();
  if (ids.length > 0) await db().member.deleteMany({ where: { id: { in: ids } } });
}

// ---------------------------------------------------------------------------------------------
// Test data through the API
// ---------------------------------------------------------------------------------------------

/** a valid POST /tasks body; the deadline is far away so that the task stays in the open list */
export const TASK_BODY = { title: "task", deadline: "2099-12-31", importance: 5, difficulty: 3 } as const;
/** a valid POST /schedules body */
export const SCHEDULE_BODY = { title: "schedule", startAt: "2026-11-20T09:00:00+09:00", type: "DEEP_WORK" } as const;

export async function newTask(api: Client, extra: Record<string, unknown> = {}): Promise<TaskView> {
  return ok(await api.post("/tasks", { body: { ...TASK_BODY, ...extra } }), 201, TaskView);
}

export async function newSchedule(api: Client, extra: Record<string, unknown> = {}): Promise<ScheduleView> {
  return ok(await api.post("/schedules", { body: { ...SCHEDULE_BODY, ...extra } }), 201, ScheduleView);
}

export async function getTask(api: Client, id: string): Promise<TaskView> {
  return ok(await api.get("/tasks/{id}", { params: { id } }), 200, TaskView);
}

export async function getSchedule(api: Client, id: string): Promise<ScheduleView> {
  return ok(await api.get("/schedules/{id}", { params: { id } }), 200, ScheduleView);
}

/** POST /schedules/{id}/{action} with no body; the answer must be 200 */
export async function act(api: Client, id: string, action: string, options: CallOptions = {}): Promise<ScheduleView> {
  return ok(await api.post("/schedules/{id}/{action}", { ...options, params: { id, action } }), 200, ScheduleView);
}

/** any answer but a server error: below 500, and a refusal carries the api.md error body */
export function notAServerError(answer: Answer): void {
  expect(answer.status, `a server error: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status >= 400)
    expect(ErrorBody.safeParse(answer.json).success, `not the error body: ${answer.text}`).toBe(true);
}
