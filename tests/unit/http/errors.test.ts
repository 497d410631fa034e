import { afterEach, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import {
  DomainError,
  anotherScheduleActive,
  conflict,
  dependencyCycle,
  duplicate,
  illegalTransition,
  notFound,
  prerequisitesOpen,
  validationError,
  type DomainErrorCode,
} from "@/lib/domain/errors";
import { DOMAIN_ERROR_CODES, ErrorBody } from "@/lib/contracts/common";
import { CreateTaskInput } from "@/lib/contracts/task";
import { INTERNAL_MESSAGE, errorResponse, statusOf, toErrorBody } from "@/lib/http/errors";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  fieldErrorsOf,
  mergeFieldErrors,
  validationFromZod,
} from "@/lib/refusals/refusal";

afterEach(() => vi.restoreAllMocks());

const A = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e";
const B = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1f";

describe("statusOf", () => {
  const expected: Record<DomainErrorCode, number> = {
    VALIDATION: 400,
    UNAUTHORIZED: 401,
    NOT_FOUND: 404,
    ILLEGAL_TRANSITION: 409,
    ANOTHER_SCHEDULE_ACTIVE: 409,
    PREREQUISITES_OPEN: 409,
    DEPENDENCY_CYCLE: 409,
    CONFLICT: 409,
    DUPLICATE: 409,
    IDEMPOTENCY_KEY_REUSED: 422,
    RATE_LIMITED: 429,
    UNAVAILABLE: 503,
  };
  it.each(Object.entries(expected))("%s → %i", (code, status) => {
    expect(statusOf(code as DomainErrorCode)).toBe(status);
  });
  it("covers every code of the domain", () => {
    expect(new Set(DOMAIN_ERROR_CODES)).toEqual(new Set(Object.keys(expected)));
  });
  it("INTERNAL and anything unknown → 500", () => {
    expect(statusOf("INTERNAL")).toBe(500);
    expect(statusOf("toString")).toBe(500);
    expect(statusOf("NOPE")).toBe(500);
  });
});

describe("errorResponse of a DomainError", () => {
  it.each([
    [notFound("Task"), 404, {}],
    [illegalTransition("COMPLETED", ["reset"]), 409, { state: "COMPLETED", allowedActions: ["reset"] }],
    [anotherScheduleActive(A), 409, { activeScheduleId: A }],
    [prerequisitesOpen([A, B]), 409, { taskIds: [A, B] }],
    [dependencyCycle([A, B, A]), 409, { taskIds: [A, B, A] }],
    [conflict(), 409, {}],
    [duplicate("username", "is taken"), 409, { fieldErrors: { username: ["is taken"] } }],
    [validationError({ title: ["must not be blank"] }), 400, { fieldErrors: { title: ["must not be blank"] } }],
    [new DomainError("UNAUTHORIZED", "Sign in."), 401, {}],
    [new DomainError("IDEMPOTENCY_KEY_REUSED", "Reused."), 422, {}],
  ])("%s", async (error, status, details) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual({ error: { code: error.code, message: error.message, details } });
    expect(ErrorBody.safeParse(body).success).toBe(true);
  });

  it("RATE_LIMITED carries Retry-After", async () => {
    const response = errorResponse(new DomainError("RATE_LIMITED", "Slow down.", { retryAfterSeconds: 29.2 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
  });

  it("keeps the headers it is given", () => {
    const response = errorResponse(conflict(), { headers: { "Idempotent-Replayed": "true" } });
    expect(response.headers.get("idempotent-replayed")).toBe("true");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("a ZodError", () => {
  it("is a VALIDATION refusal listing every failing field with all its reasons", async () => {
    const parsed = CreateTaskInput.safeParse({
      title: "   ",
      importance: 10,
      difficulty: 4,
      deadline: "2026-02-30",
      previousTaskIds: ["x", "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e", "y"],
      extra: 1,
    });
    expect(parsed.success).toBe(false);
    const response = errorResponse(parsed.error);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "VALIDATION",
        message: "Some fields are not valid.",
        details: {
          fieldErrors: {
            title: ["must not be blank"],
            importance: ["must be at most 9"],
            difficulty: ["must be one of 1, 2, 3, 5, 8, 13, 21"],
            deadline: ["must be a date YYYY-MM-DD that exists"],
            "previousTaskIds.0": ["must be a UUID"],
            "previousTaskIds.2": ["must be a UUID"],
            extra: ["is not a known field"],
          },
        },
      },
    });
  });

  it("lists several reasons of one field, and root issues under _", () => {
    const schema = z.object({
      n: z.string().min(3, "must be at least 3 characters").regex(/^\d+$/, "must be digits"),
    });
    const parsed = schema.safeParse({ n: "a" });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({ n: ["must be at least 3 characters", "must be digits"] });
    const root = z.string({ error: "must be text" }).safeParse(1);
    expect(fieldErrorsOf(root.error!)).toEqual({ _: ["must be text"] });
  });

  it("joins nested paths with dots, and can put them under a prefix", () => {
    const schema = z.object({ a: z.object({ b: z.array(z.int({ error: "must be a whole number" })) }) });
    const parsed = schema.safeParse({ a: { b: [1, "2"] } });
    expect(fieldErrorsOf(parsed.error!)).toEqual({ "a.b.1": ["must be a whole number"] });
    expect(fieldErrorsOf(parsed.error!, ["body"])).toEqual({ "body.a.b.1": ["must be a whole number"] });
    expect(validationFromZod(parsed.error!).fieldErrors).toEqual({ "a.b.1": ["must be a whole number"] });
  });

  it("copes with fields named like Object.prototype's members", () => {
    const parsed = z.strictObject({}).safeParse(JSON.parse('{"constructor":1,"__proto__":2,"toString":3}'));
    expect(fieldErrorsOf(parsed.error!)).toEqual(
      JSON.parse(
        '{"constructor":["is not a known field"],"__proto__":["is not a known field"],"toString":["is not a known field"]}',
      ),
    );
  });
});

describe("mergeFieldErrors", () => {
  it("concatenates reasons without repeats", () => {
    expect(mergeFieldErrors({ a: ["x"], b: ["y"] }, { a: ["x", "z"] })).toEqual({ a: ["x", "z"], b: ["y"] });
  });
});

describe("a database out of reach", () => {
  it("is a 503 UNAVAILABLE that does not leak its message, logged as a warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const lost = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "P2039",
      meta: { driverAdapterError: { cause: { originalCode: "57P01", kind: "postgres" } } },
    });
    const response = errorResponse(lost);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, details: {} },
    });
    expect(text).not.toContain("administrator");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });
});

describe("anything else", () => {
  it("is a 500 INTERNAL that does not leak its message, and is logged", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = new Error("connect ECONNREFUSED 10.0.0.3:5432 password=hunter2");
    const response = errorResponse(secret);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: INTERNAL_MESSAGE } });
    expect(text).not.toContain("hunter2");
    expect(log).toHaveBeenCalledWith(expect.any(String), secret);
  });

  it.each([["a string"], [null], [undefined], [42], [{ code: "NOT_FOUND", message: "fake" }]])(
    "%j is INTERNAL too",
    (thrown) => {
      expect(toErrorBody(thrown)).toEqual({ error: { code: "INTERNAL", message: INTERNAL_MESSAGE } });
    },
  );
});
