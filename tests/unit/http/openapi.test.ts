import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docsContentSecurityPolicy, docsResponse, renderApiDocs } from "@/lib/http/docs";
import { openApiDocument } from "@/lib/http/openapi";
import { DIFFICULTIES, IMPORTANCE, TITLE } from "@/lib/domain/limits";
import { GET as getOpenApiJson } from "@/app/api/v1/openapi.json/route";
import { GET as getDocs } from "@/app/api/docs/route";

type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
  parameters?: { $ref?: string; name?: string; in?: string }[];
  requestBody?: unknown;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

// the API's contract in the repository's docs: its table and the OpenAPI document must name the same operations
const API_MD = new URL("../../../docs/api.md", import.meta.url);

/** "POST /auth/signup" → ["post", "/auth/signup"], read from api.md's table itself */
function apiMdOperations(): [string, string][] {
  const md = readFileSync(API_MD, "utf8");
  const out: [string, string][] = [];
  for (const line of md.split("\n")) {
    const match = /^\| (GET|POST|PATCH|PUT|DELETE) ([^|]+?) \|/.exec(line);
    if (!match) continue;
    const method = (match[1] as string).toLowerCase();
    // "/tasks/{id}/complete, /tasks/{id}/reopen" names two paths
    for (const path of (match[2] as string).split(",").map((p) => p.trim())) out.push([method, path]);
  }
  return out;
}

const EXPECTED: [string, string][] = [
  ["post", "/auth/signup"],
  ["post", "/auth/token"],
  ["get", "/me"],
  ["patch", "/me"],
  ["post", "/tasks"],
  ["get", "/tasks"],
  ["get", "/tasks/{id}"],
  ["patch", "/tasks/{id}"],
  ["delete", "/tasks/{id}"],
  ["post", "/tasks/{id}/complete"],
  ["post", "/tasks/{id}/reopen"],
  ["post", "/tasks/{id}/schedule"],
  ["post", "/schedules"],
  ["get", "/schedules"],
  ["get", "/schedules/{id}"],
  ["patch", "/schedules/{id}"],
  ["delete", "/schedules/{id}"],
  ["post", "/schedules/{id}/{action}"],
  ["get", "/statistics/week"],
  ["post", "/push/subscriptions"],
  ["delete", "/push/subscriptions"],
];

// planning.md's goal routes (its "Shapes and fine points"), beyond api.md's table
const PLANNING_MD = [
  "post /goals",
  "get /goals",
  "get /goals/{id}",
  "patch /goals/{id}",
  "delete /goals/{id}",
  "post /goals/{id}/tasks",
  "post /goals/{id}/breakdown",
  "post /plan",
  "post /plan/accept",
];

const doc = openApiDocument();
const paths = (doc.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
const operations = Object.entries(paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => (item[method] ? [[method, path, item[method] as Operation] as const] : [])),
);

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a title, a version and the /api/v1 server", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.servers).toEqual([{ url: "/api/v1" }]);
  });

  // operations the app serves beyond api.md's table (for its own service worker and settings page)
  const BEYOND_API_MD = [
    "post /schedules/{id}/reminder/snooze",
    "get /push/public-key",
    // the reminder status in settings (README "Reminders, events and push")
    "get /push/status",
    // ending sessions (README "Accounts")
    "post /me/password",
    "delete /me/sessions",
    ...PLANNING_MD,
  ];

  it("has every operation of api.md's table, and only those plus the documented additions", () => {
    const listed = operations.map(([m, p]) => `${m} ${p}`).sort();
    expect(listed).toEqual([...EXPECTED.map(([m, p]) => `${m} ${p}`), ...BEYOND_API_MD].sort());
    const fromMd = apiMdOperations().map(([m, p]) => `${m} ${p}`);
    expect(fromMd.length).toBeGreaterThan(0);
    expect([...fromMd, ...BEYOND_API_MD].sort()).toEqual(listed);
  });

  it("gives every operation a unique operationId, a tag, a summary and responses with a success and a 500", () => {
    const ids = new Set<string>();
    for (const [method, path, op] of operations) {
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(ids.has(op.operationId as string)).toBe(false);
      ids.add(op.operationId as string);
      expect(op.tags?.length).toBe(1);
      expect(op.summary).toBeTruthy();
      const statuses = Object.keys(op.responses ?? {});
      expect(
        statuses.some((s) => /^2\d\d$/.test(s)),
        `${method} ${path}`,
      ).toBe(true);
      expect(statuses).toContain("500");
    }
  });

  it("answers 401 wherever sign-in is needed, and needs none for sign-up and token", () => {
    for (const [method, path, op] of operations) {
      const open = path.startsWith("/auth/") || path === "/push/public-key";
      expect(
        op.security === undefined ? "default" : op.security.length === 0 ? "none" : "own",
        `${method} ${path}`,
      ).toBe(open ? "none" : "default");
      if (!open) expect(Object.keys(op.responses ?? {})).toContain("401");
    }
    expect(doc.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    expect(doc.components?.securitySchemes).toMatchObject({
      bearerAuth: { type: "http", scheme: "bearer" },
      cookieAuth: { type: "apiKey", in: "cookie" },
    });
  });

  it("documents the statuses of api.md", () => {
    const statuses = (method: string, path: string) =>
      Object.keys(paths[path]?.[method as "get"]?.responses ?? {}).sort();
    expect(statuses("post", "/auth/signup")).toEqual(["201", "400", "409", "429", "500"]);
    expect(statuses("post", "/auth/token")).toEqual(["200", "400", "401", "429", "500"]);
    expect(statuses("post", "/tasks")).toContain("201");
    expect(statuses("delete", "/tasks/{id}")).toEqual(["204", "400", "401", "404", "409", "500"]);
    expect(statuses("post", "/schedules/{id}/{action}")).toEqual(["200", "400", "401", "404", "409", "422", "500"]);
    expect(statuses("post", "/tasks/{id}/schedule")).toContain("201");
    expect(statuses("post", "/push/subscriptions")).toContain("201");
    expect(statuses("delete", "/push/subscriptions")).toContain("204");
  });

  it("every refusal answers the error body", () => {
    const responses = (doc.components?.responses ?? {}) as Record<
      string,
      { content?: Record<string, { schema?: unknown }> }
    >;
    for (const [, , op] of operations) {
      for (const [status, raw] of Object.entries(op.responses ?? {})) {
        if (!/^[45]/.test(status)) continue;
        const ref = (raw as { $ref?: string }).$ref;
        const response = ref ? responses[ref.split("/").pop() as string] : (raw as (typeof responses)[string]);
        expect(response?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
    const error = doc.components?.schemas?.Error as { properties?: Record<string, unknown> };
    expect(Object.keys(error.properties ?? {})).toEqual(["error"]);
  });

  it("describes the transition's path, Idempotency-Key header and Idempotent-Replayed answer", () => {
    const op = paths["/schedules/{id}/{action}"]?.post as Operation & {
      responses: Record<string, { headers?: Record<string, unknown> }>;
    };
    const params = (op.parameters ?? []).map((p) => `${p.in} ${p.name}`);
    expect(params).toEqual(expect.arrayContaining(["path id", "path action", "header Idempotency-Key"]));
    expect(Object.keys(op.responses["200"]?.headers ?? {})).toEqual(["Idempotent-Replayed"]);
  });

  it("every path parameter of a path is declared", () => {
    for (const [method, path, op] of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared.sort(), `${method} ${path}`).toEqual(inPath.sort());
    }
  });

  it("shows the contracts' limits", () => {
    const schemas = doc.components?.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
    expect(schemas.CreateTaskInput?.properties.title).toMatchObject({ minLength: TITLE.min, maxLength: TITLE.max });
    expect(schemas.CreateTaskInput?.properties.importance).toMatchObject({
      minimum: IMPORTANCE.min,
      maximum: IMPORTANCE.max,
    });
    expect(schemas.CreateTaskInput?.properties.difficulty).toMatchObject({ enum: [...DIFFICULTIES] });
    expect(schemas.CreateTaskInput?.properties.deadline).toMatchObject({ format: "date" });
    expect(schemas.CreateScheduleInput?.properties.startAt).toMatchObject({ format: "date-time" });
    expect(schemas.CreateTaskInput).toMatchObject({ additionalProperties: false });
  });

  it("is built once", () => {
    expect(openApiDocument()).toBe(doc);
  });

  it("is JSON", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe("routes", () => {
  it("GET /api/v1/openapi.json serves the document", async () => {
    const response = getOpenApiJson();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("GET /api/docs serves a self-contained page listing every operation, grouped by tag", async () => {
    const response = getDocs();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)[a-z]/i); // no script, nothing fetched from elsewhere
    for (const tag of ["Auth", "Me", "Tasks", "Schedules", "Statistics", "Push"])
      expect(html).toContain(`id="tag-${tag}"`);
    for (const [method, path, op] of operations) {
      expect(html).toContain(`id="op-${op.operationId}"`);
      expect(html).toContain(`<code>/api/v1${path.replace(/&/g, "&amp;")}</code>`);
      expect(html).toContain(`class="m ${method}"`);
    }
    // parameters, body fields and responses are shown
    expect(html).toContain("<code>deleteSchedule</code>");
    expect(html).toContain("<code>previousTaskIds</code>");
    expect(html).toContain("<code>keys.p256dh</code>");
    expect(html).toContain("IDEMPOTENCY_KEY_REUSED");
  });

  it("the page's own CSP allows exactly its inline stylesheet", async () => {
    const html = renderApiDocs(doc);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    const csp = docsContentSecurityPolicy();
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(docsResponse(doc).headers.get("content-security-policy")).toBe(csp);
  });

  it("escapes what it prints", () => {
    const html = renderApiDocs({
      openapi: "3.1.0",
      info: { title: "<script>alert(1)</script>", version: "1" },
      paths: { "/x": { get: { operationId: "x", summary: '"><img src=x onerror=alert(1)>', responses: {} } } },
    });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
  });
});
