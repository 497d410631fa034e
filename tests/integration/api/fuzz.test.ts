// An OpenAPI-driven fuzz of /api/v1: for every operation of openApiDocument() whose route file exists,
// fast-check generates malformed requests from the operation's own parameters and body schema — wrong types
// for each property, missing required ones, extra properties, random JSON values and raw bytes as bodies,
// random query values, path ids and Idempotency-Keys — and sends them through the real route handler.
// Every answer must be: below 500, a status the document lists for that operation, and for a refusal the
// api.md error body (ErrorBody). Where a mutation is certain to be invalid (a wrong type, a missing required
// property, an unknown one, a body that is not a JSON object) the 400 must also name the field.
//
// Then the hostile bodies every body-taking operation must refuse cleanly: malformed JSON, non-object JSON,
// 70 KiB, deep nesting, invalid UTF-8, a wrong Content-Type, 10,000-character strings, null bytes.
import { existsSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inngest } from "@/inngest/client";
import { db } from "@/lib/db/client";
import { ErrorBody } from "@/lib/contracts/common";
import { MAX_BODY_BYTES } from "@/lib/http/handler";
import { openApiDocument } from "@/lib/http/openapi";
import { createGoal } from "@/lib/services/goals/create-goal";
import {
  authorizationOf,
  callHandler,
  client,
  forgetMembers,
  newSchedule,
  newTask,
  testMember,
  urlOf,
  type Answer,
  type Method,
  type RouteModule,
} from "./client";

afterAll(forgetMembers);

// ---------------------------------------------------------------------------------------------
// The document's paths → route files
// ---------------------------------------------------------------------------------------------

const ROUTE_FILES: Record<string, string> = {
  "/auth/signup": "app/api/v1/auth/signup/route.ts",
  "/auth/token": "app/api/v1/auth/token/route.ts",
  "/me": "app/api/v1/me/route.ts",
  "/me/password": "app/api/v1/me/password/route.ts",
  "/me/sessions": "app/api/v1/me/sessions/route.ts",
  "/tasks": "app/api/v1/tasks/route.ts",
  "/tasks/{id}": "app/api/v1/tasks/[id]/route.ts",
  "/tasks/{id}/complete": "app/api/v1/tasks/[id]/complete/route.ts",
  "/tasks/{id}/reopen": "app/api/v1/tasks/[id]/reopen/route.ts",
  "/tasks/{id}/schedule": "app/api/v1/tasks/[id]/schedule/route.ts",
  "/schedules": "app/api/v1/schedules/route.ts",
  "/schedules/{id}": "app/api/v1/schedules/[id]/route.ts",
  "/schedules/{id}/{action}": "app/api/v1/schedules/[id]/[action]/route.ts",
  "/schedules/{id}/reminder/snooze": "app/api/v1/schedules/[id]/reminder/snooze/route.ts",
  "/statistics/week": "app/api/v1/statistics/week/route.ts",
  "/goals": "app/api/v1/goals/route.ts",
  "/goals/{id}": "app/api/v1/goals/[id]/route.ts",
  "/goals/{id}/tasks": "app/api/v1/goals/[id]/tasks/route.ts",
  "/goals/{id}/breakdown": "app/api/v1/goals/[id]/breakdown/route.ts",
  "/plan": "app/api/v1/plan/route.ts",
  "/plan/accept": "app/api/v1/plan/accept/route.ts",
  "/push/subscriptions": "app/api/v1/push/subscriptions/route.ts",
};

/** paths other engineers own, which may not have a route yet: the fuzz skips them while their file is missing */
const MAY_BE_MISSING = /^\/(auth\/|me$|push\/)/;

const ROOT = process.cwd();
const doc = openApiDocument() as unknown as OpenApi;
const missing = Object.keys(doc.paths).filter((p) => !ROUTE_FILES[p] || !existsSync(path.join(ROOT, ROUTE_FILES[p])));
const skipped = missing.filter((p) => MAY_BE_MISSING.test(p));

/** operations that end the fuzzing member's own token (sign out everywhere): tests/integration/accounts/sessions.test.ts */
const ENDS_THE_FUZZ_SESSION = new Set(["/me/sessions"]);

type Operation = { method: Method; path: string; spec: OperationSpec };
const OPERATIONS: Operation[] = Object.entries(doc.paths)
  .filter(([p]) => !missing.includes(p) && !ENDS_THE_FUZZ_SESSION.has(p))
  .flatMap(([p, ops]) =>
    Object.entries(ops).map(([m, spec]) => ({ method: m.toUpperCase() as Method, path: p, spec })),
  );

const modules = new Map<string, RouteModule>();
async function handlerFor(op: Operation) {
  const file = ROUTE_FILES[op.path] as string;
  let routeModule = modules.get(file);
  if (!routeModule) {
    routeModule = (await import(/* @vite-ignore */ path.join(ROOT, file))) as RouteModule;
    modules.set(file, routeModule);
  }
  const handler = routeModule[op.method];
  if (!handler) throw new Error(`${file} does not export ${op.method}, which the document lists`);
  return handler;
}

// ---------------------------------------------------------------------------------------------
// The bits of OpenAPI 3.1 / JSON Schema read here
// ---------------------------------------------------------------------------------------------

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
};
type Parameter = { in: "path" | "query" | "header" | "cookie"; name: string; required?: boolean; schema?: JsonSchema };
type OperationSpec = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
  security?: unknown[];
};
type OpenApi = {
  paths: Record<string, Record<string, OperationSpec>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target);
}

type JsonType = "string" | "integer" | "number" | "boolean" | "null" | "array" | "object";

/** the JSON types a schema admits (all of them when it says nothing) */
function typesOf(raw: JsonSchema): Set<JsonType> {
  const schema = resolve(raw);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return new Set(union.flatMap((s) => [...typesOf(s)]));
  if (schema.type) return new Set((Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonType[]);
  const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (values) {
    return new Set(
      values.map((v): JsonType =>
        v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? "number" : (typeof v as JsonType),
      ),
    );
  }
  return new Set(["string", "integer", "number", "boolean", "null", "array", "object"]);
}

/** a value the schema (probably) accepts: the base that single mutations start from */
function example(raw: JsonSchema): unknown {
  const schema = resolve(raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return example(union.find((s) => !typesOf(s).has("null")) ?? (union[0] as JsonSchema));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date") return "2026-11-20";
      if (schema.format === "date-time") return "2026-11-20T09:00:00+09:00";
      if (schema.format === "uuid") return crypto.randomUUID();
      if (schema.format === "uri") return "https://push.example.com/send/abc";
      return "x".repeat(Math.max(1, schema.minLength ?? 1));
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "null":
      return null;
    case "array":
      return [];
    case "object":
      return Object.fromEntries((schema.required ?? []).map((k) => [k, example(schema.properties?.[k] ?? {})]));
    default:
      return {};
  }
}

const json = fc.jsonValue({ maxDepth: 3 });
const nastyStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "🎧",
  "🎧".repeat(41),
  "x".repeat(10_000),
  "\ud800",
  "null",
  "[]",
  "{}",
  "1e309",
  "<script>",
  "%00",
  "../..",
);
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }), nastyStrings);
const VALUES: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: text,
  integer: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 2, -(2 ** 63))),
  number: fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
    fc.constantFrom(1e308, -1e-308),
  ),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(json, { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 10 }), json, { maxKeys: 4 }),
};

/** values whose JSON type the schema does not admit; null when it admits every type */
function wrongValues(schema: JsonSchema): fc.Arbitrary<unknown> | null {
  const admitted = typesOf(schema);
  const wrong = (Object.keys(VALUES) as JsonType[]).filter((t) => {
    if (admitted.has(t)) return false;
    if (t === "integer" && admitted.has("number")) return false;
    return true;
  });
  return wrong.length === 0 ? null : fc.oneof(...wrong.map((t) => VALUES[t]));
}

// ---------------------------------------------------------------------------------------------
// Malformed requests
// ---------------------------------------------------------------------------------------------

/** a change to the request; `names` is the field a certain refusal must name (null: no certainty) */
type Mutation =
  | { kind: "wrongType"; field: string; value: unknown }
  | { kind: "missingRequired"; field: string }
  | { kind: "extraProperty"; field: string; value: unknown }
  | { kind: "nonObjectBody"; value: unknown }
  | { kind: "randomBody"; value: unknown }
  | { kind: "rawBody"; raw: string | Uint8Array; contentType: string | null }
  | { kind: "query"; values: [string, string][] }
  | { kind: "none" };

type Generated = {
  mutation: Mutation;
  params: Record<string, string>;
  idempotencyKey: string | null;
};

const EXTRA_KEYS = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("__proto__", "constructor", "toString", "", "a.b", "🎧", "id", "memberId"),
);

function mutations(op: Operation): fc.Arbitrary<Mutation> {
  const choices: fc.Arbitrary<Mutation>[] = [];
  const bodySchema = op.spec.requestBody?.content["application/json"]?.schema;
  if (bodySchema) {
    const body = resolve(bodySchema);
    const properties = body.properties ?? {};
    const wrongTyped = Object.entries(properties)
      .map(([field, schema]) => ({ field, values: wrongValues(schema) }))
      .filter((x): x is { field: string; values: fc.Arbitrary<unknown> } => x.values !== null);
    if (wrongTyped.length > 0) {
      choices.push(
        fc.oneof(
          ...wrongTyped.map(({ field, values }) =>
            values.map((value): Mutation => ({ kind: "wrongType", field, value })),
          ),
        ),
      );
    }
    if ((body.required ?? []).length > 0) {
      choices.push(
        fc.constantFrom(...(body.required as string[])).map((field): Mutation => ({ kind: "missingRequired", field })),
      );
    }
    if (body.additionalProperties === false) {
      choices.push(
        fc
          .record({ field: EXTRA_KEYS.filter((k) => !Object.hasOwn(properties, k)), value: json })
          .map(({ field, value }): Mutation => ({ kind: "extraProperty", field, value })),
      );
    }
    choices.push(
      fc
        .oneof(
          fc.array(json, { maxLength: 3 }),
          fc.string(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.boolean(),
          fc.constant(null),
        )
        .map((value): Mutation => ({ kind: "nonObjectBody", value })),
      json.map((value): Mutation => ({ kind: "randomBody", value })),
      fc
        .record({
          raw: fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.uint8Array({ maxLength: 40 }),
            fc.constantFrom("{", '{"a":', "[1,", "nul", "{'a':1}", "\uFEFF{}"),
          ),
          contentType: fc.constantFrom(
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            "application/x-www-form-urlencoded",
            null,
          ),
        })
        .map(({ raw, contentType }): Mutation => ({ kind: "rawBody", raw, contentType })),
    );
  }
  const queryParams = (op.spec.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  const queryKeys = fc.oneof(
    ...(queryParams.length > 0 ? [fc.constantFrom(...queryParams)] : []),
    fc.string({ maxLength: 8 }),
  );
  choices.push(
    fc
      .array(
        fc.tuple(
          queryKeys,
          fc.oneof(text, fc.integer().map(String), fc.constantFrom("true", "false", "2026-02-30", "0", "101")),
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      )
      .map((values): Mutation => ({ kind: "query", values })),
  );
  choices.push(fc.constant<Mutation>({ kind: "none" }));
  return fc.oneof(...choices);
}

/** `ownId`: an id of the fuzzing member's own task (for /tasks/…) or schedule (for /schedules/…) */
function requests(op: Operation, ownId: string, withKeys = true): fc.Arbitrary<Generated> {
  const pathParams = (op.spec.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
  const id = fc.oneof(fc.uuid(), fc.constant(ownId), fc.constant(ownId.toUpperCase()), text);
  const action = fc.oneof(fc.constantFrom("start", "pause", "resume", "complete", "stop", "reset"), text);
  const params = fc.record(
    Object.fromEntries(pathParams.map((name) => [name, name === "action" ? action : id])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const key = withKeys
    ? fc.option(
        fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom("x".repeat(256), "clé", " ", "k\u007F")),
        { freq: 3 },
      )
    : fc.constant(null);
  return fc.record({ mutation: mutations(op), params, idempotencyKey: key });
}

/** sends one generated request; returns the answer and, when certain, the field a 400 must name */
async function send(
  op: Operation,
  g: Generated,
): Promise<{ answer: Answer; mustName: string | null; certain400: boolean }> {
  const headers = fuzzHeaders();
  if (g.idempotencyKey !== null) {
    try {
      headers.set("Idempotency-Key", g.idempotencyKey);
    } catch {
      // a value no HTTP client could send (a line break, a character above U+00FF): leave the header out
    }
  }
  const bodySchema = op.spec.requestBody?.content["application/json"]?.schema;
  const base = bodySchema ? (example(bodySchema) as Record<string, unknown>) : undefined;
  let body: string | Uint8Array | null = null;
  let mustName: string | null = null;
  let certain400 = false;
  const m = g.mutation;
  const withKey = (obj: Record<string, unknown>, k: string, v: unknown) => {
    // defineProperty, not assignment: "__proto__" must become a real key of the JSON
    Object.defineProperty(obj, k, { value: v, enumerable: true, configurable: true, writable: true });
    return obj;
  };
  // no prototype: a generated key may be "__proto__" or "constructor"
  const query = Object.create(null) as Record<string, string[]>;
  switch (m.kind) {
    case "wrongType":
      body = JSON.stringify(withKey({ ...base }, m.field, m.value));
      mustName = m.field;
      certain400 = true;
      break;
    case "missingRequired": {
      const copy = { ...base };
      delete copy[m.field];
      body = JSON.stringify(copy);
      mustName = m.field;
      certain400 = true;
      break;
    }
    case "extraProperty":
      body = JSON.stringify(withKey({ ...base }, m.field, m.value));
      mustName = m.field;
      certain400 = true;
      break;
    case "nonObjectBody":
      body = JSON.stringify(m.value);
      mustName = "_";
      certain400 = true;
      break;
    case "randomBody":
      body = JSON.stringify(m.value);
      break;
    case "rawBody":
      body = m.raw;
      if (m.contentType !== null) headers.set("content-type", m.contentType);
      break;
    case "query":
      for (const [k, v] of m.values) (query[k] ??= []).push(v);
      if (base !== undefined) body = JSON.stringify(base);
      break;
    case "none":
      if (base !== undefined) body = JSON.stringify(base);
      break;
  }
  if (body !== null && !headers.has("content-type") && m.kind !== "rawBody")
    headers.set("content-type", "application/json");
  if (op.method === "GET") body = null;
  const url = urlOf(op.path, g.params, query);
  const answer = await callHandler(await handlerFor(op), op.method, url, { params: g.params, headers, body });
  return { answer, mustName, certain400 };
}

function checkAnswer(op: Operation, answer: Answer, context: string) {
  const documented = Object.keys(op.spec.responses);
  expect(answer.status, `${context} → ${answer.status} ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(documented, `${context} → undocumented status ${answer.status} ${answer.text.slice(0, 300)}`).toContain(
    String(answer.status),
  );
  if (answer.status >= 400) {
    const parsed = ErrorBody.safeParse(answer.json);
    expect(parsed.success, `${context} → not the error body: ${answer.text.slice(0, 300)}`).toBe(true);
  } else if (answer.status === 204) {
    expect(answer.text).toBe("");
  } else {
    expect(answer.json, `${context} → a success without a JSON body`).toBeDefined();
  }
}

const describeRequest = (op: Operation, g: Generated) =>
  `${op.method} ${op.path} ${JSON.stringify(
    { params: g.params, key: g.idempotencyKey, mutation: g.mutation },
    (_k, v: unknown) =>
      v instanceof Uint8Array
        ? `<${v.length} bytes>`
        : typeof v === "string" && v.length > 80
          ? `${v.slice(0, 20)}…(${v.length})`
          : v,
  )}`;

// ---------------------------------------------------------------------------------------------
// The runs
// ---------------------------------------------------------------------------------------------

const RUNS_PER_OPERATION = Math.max(50, Number(process.env.FUZZ_RUNS ?? 50));
/** the fuzz's sign-in attempts count against this address (a documentation range), not the shared "unknown" */
const FUZZ_ADDRESS = "198.51.100.77";
let authorization = "";
let api: ReturnType<typeof client>;
let fuzzerId = "";
let startedAt = new Date();

/** the fuzzing member's token and the fuzz's address, and `extra` */
function fuzzHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({ authorization, "x-pinit-remote-address": FUZZ_ADDRESS, ...extra });
}

beforeAll(async () => {
  startedAt = new Date();
  // no event of the fuzz may reach a real Inngest (the after-commit relay has no sender here anyway)
  vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["fuzz"] });
  const member = await testMember();
  authorization = authorizationOf(member) as string;
  fuzzerId = member.id;
  api = client(member);
});

/** a fresh task or schedule of the fuzzing member for the operation's {id} (an earlier run may have deleted the last) */
async function ownIdFor(op: Operation): Promise<string> {
  if (op.path.startsWith("/goals")) return (await createGoal(fuzzerId, { title: "fuzzed goal" })).id;
  return op.path.startsWith("/tasks") ? (await newTask(api)).id : (await newSchedule(api)).id;
}

/** one seed per operation, fixed (FUZZ_SEED varies the whole run) */
const seedOf = (name: string) =>
  [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, Number(process.env.FUZZ_SEED ?? 20261125));

afterAll(async () => {
  vi.restoreAllMocks();
  // what the fuzz may have made through /auth/*: members that signed up, sign-in failures that throttle
  await db().member.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await db().signInFailure.deleteMany({ where: { failedAt: { gte: startedAt } } });
});

describe("the document and the routes", () => {
  it("every path of the document has a route file, except those others own and have not written yet", () => {
    if (skipped.length > 0) console.info(`fuzz: skipped (no route file yet): ${skipped.join(", ")}`);
    expect(
      missing.filter((p) => !MAY_BE_MISSING.test(p)),
      "paths without a route file",
    ).toEqual([]);
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(16);
  });
});

/**
 * Requests that once showed a bug, sent as they were, by operation. Each must now get a documented answer.
 */
const FOUND_BUGS: Record<string, { bug: string; headers: Record<string, string> }> = {
  // a malformed Idempotency-Key on a read answered 400, a status the document does not list for GET /me;
  // the key is now read only on POSTs
  "GET /me": {
    bug: "a malformed Idempotency-Key on a read gets a documented answer",
    headers: { "Idempotency-Key": "é" },
  },
};

describe.each(OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))("fuzz %s", (name, op) => {
  const known = Object.hasOwn(FOUND_BUGS, name) ? FOUND_BUGS[name] : undefined;
  if (known) {
    it(known.bug, async () => {
      const params = { id: crypto.randomUUID(), action: "start" };
      const headers = fuzzHeaders(known.headers);
      const answer = await callHandler(await handlerFor(op), op.method, urlOf(op.path, params), { params, headers });
      checkAnswer(op, answer, `${name} with ${JSON.stringify(known.headers)}`);
    });
  }

  it(`${RUNS_PER_OPERATION} malformed requests: never a 5xx, only documented statuses, always the error body`, async () => {
    const seen = new Map<string, number>();
    const ownId = await ownIdFor(op);
    await fc.assert(
      fc.asyncProperty(requests(op, ownId, true), async (g) => {
        const context = describeRequest(op, g);
        const { answer, mustName, certain400 } = await send(op, g);
        seen.set(g.mutation.kind, (seen.get(g.mutation.kind) ?? 0) + 1);
        if (process.env.FUZZ_DEBUG) seen.set(`status ${answer.status}`, (seen.get(`status ${answer.status}`) ?? 0) + 1);
        checkAnswer(op, answer, context);
        if (certain400) {
          expect(answer.status, `${context} → ${answer.text.slice(0, 300)}`).toBe(400);
          const fieldErrors = (answer.json as ErrorBody).error.details?.fieldErrors ?? {};
          expect(
            Object.keys(fieldErrors).some((k) => k === mustName || k.startsWith(`${mustName}.`)),
            `${context} → details.fieldErrors should name ${JSON.stringify(mustName)}: ${answer.text.slice(0, 300)}`,
          ).toBe(true);
        }
      }),
      { numRuns: RUNS_PER_OPERATION, seed: seedOf(name), endOnFailure: true },
    );
    if (process.env.FUZZ_DEBUG) console.info(name, Object.fromEntries(seen));
    // the run did exercise the operation's inputs
    const hasBody = op.spec.requestBody !== undefined;
    expect(seen.get("query") ?? 0).toBeGreaterThan(0);
    if (hasBody)
      expect(
        (seen.get("nonObjectBody") ?? 0) + (seen.get("rawBody") ?? 0) + (seen.get("randomBody") ?? 0),
      ).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile bodies, deterministic
// ---------------------------------------------------------------------------------------------

const BODY_OPERATIONS = OPERATIONS.filter((op) => op.spec.requestBody !== undefined);
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

const HOSTILE: [string, string | Uint8Array, string | null, string][] = [
  ["malformed JSON", '{"title": ', "application/json", "_"],
  ["single quotes", "{'title': 'x'}", "application/json", "_"],
  ["trailing garbage", "{} {}", "application/json", "_"],
  ["a JSON array", "[]", "application/json", "_"],
  ["a JSON array of objects", '[{"title":"x"}]', "application/json", "_"],
  ["a JSON string", '"hello"', "application/json", "_"],
  ["a JSON number", "42", "application/json", "_"],
  ["JSON true", "true", "application/json", "_"],
  ["JSON null", "null", "application/json", "_"],
  [`an object of 70 KiB`, JSON.stringify({ title: "x".repeat(70 * 1024) }), "application/json", "_"],
  [
    `one byte over ${MAX_BODY_BYTES / 1024} KiB`,
    JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES - 10 + 1) }),
    "application/json",
    "_",
  ],
  ["nesting 40 deep", deep(40), "application/json", "_"],
  ["nesting 20,000 deep", deep(20_000), "application/json", "_"],
  ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), "application/json", "_"],
  ["a form body", "title=x", "application/x-www-form-urlencoded", "Content-Type"],
  ["JSON as text/plain", "{}", "text/plain", "Content-Type"],
  ["JSON without a Content-Type", "{}", null, "Content-Type"],
];

describe.each(BODY_OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))(
  "hostile bodies: %s",
  (_name, op) => {
    it("are refused with 400 naming the body (or its Content-Type), never a 5xx", async () => {
      const handler = await handlerFor(op);
      const params = { id: await ownIdFor(op), action: "start" };
      for (const [what, raw, contentType, field] of HOSTILE) {
        const headers = fuzzHeaders();
        if (contentType !== null) headers.set("content-type", contentType);
        const answer = await callHandler(handler, op.method, urlOf(op.path, params), { params, headers, body: raw });
        checkAnswer(op, answer, `${op.method} ${op.path} with ${what}`);
        expect(answer.status, `${what}: ${answer.text.slice(0, 200)}`).toBe(400);
        expect(Object.keys((answer.json as ErrorBody).error.details?.fieldErrors ?? {}), what).toContain(field);
      }
    });

    it("refuse 10,000-character strings and null bytes in every text property (a 400 names it); emoji are text like any other", async () => {
      const handler = await handlerFor(op);
      const schema = resolve(op.spec.requestBody?.content["application/json"]?.schema ?? {});
      const base = example(schema) as Record<string, unknown>;
      const textFields = Object.entries(schema.properties ?? {}).filter(([, s]) => typesOf(s).has("string"));
      const params = { id: crypto.randomUUID(), action: "start" };
      for (const [field, fieldSchema] of textFields) {
        const max = resolve(fieldSchema).maxLength;
        const cases: [string, unknown, boolean][] = [
          ["10,000 characters", "x".repeat(10_000), max === undefined || max < 10_000],
          ["a null byte", `${String(base[field] ?? "x")}\u0000`, true],
          ["emoji", "🎧🎉", false],
        ];
        for (const [what, value, certain] of cases) {
          const headers = fuzzHeaders({ "content-type": "application/json" });
          const body = JSON.stringify({ ...base, [field]: value });
          const answer = await callHandler(handler, op.method, urlOf(op.path, params), { params, headers, body });
          checkAnswer(op, answer, `${op.method} ${op.path} with ${field} = ${what}`);
          if (certain) {
            // refused; a sign-in may answer 401 rather than say which field is wrong, but a 400 names the field
            expect(answer.status, `${field} = ${what}: ${answer.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
            if (answer.status === 400) {
              expect(
                Object.keys((answer.json as ErrorBody).error.details?.fieldErrors ?? {}),
                `${field} = ${what}`,
              ).toContain(field);
            }
          }
        }
      }
    });

    if (op.spec.requestBody?.required) {
      it("a missing body counts as {}: every required property is named, and never a 5xx", async () => {
        const handler = await handlerFor(op);
        const schema = resolve(op.spec.requestBody?.content["application/json"]?.schema ?? {});
        const params = { id: crypto.randomUUID(), action: "start" };
        const answer = await callHandler(handler, op.method, urlOf(op.path, params), {
          params,
          headers: fuzzHeaders(),
        });
        checkAnswer(op, answer, `${op.method} ${op.path} without a body`);
        const required = schema.required ?? [];
        if (required.length > 0) {
          expect(answer.status).toBe(400);
          expect(Object.keys((answer.json as ErrorBody).error.details?.fieldErrors ?? {})).toEqual(
            expect.arrayContaining(required),
          );
        }
      });
    }
  },
);
