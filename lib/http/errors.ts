// The ONE mapping from a refusal to api.md's answer: a status per code and the body
// { error: { code, message, details } }. A ZodError is a VALIDATION refusal whose details list every
// failing field with all its reasons. A database that cannot be reached (the connection refused or lost
// under the request) is 503 UNAVAILABLE: the request did not complete and can be retried. Anything else
// is a bug: 500 INTERNAL, logged, its text never shown.

import * as z from "zod";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { DomainError, isDomainError, type DomainErrorCode, type FieldErrors } from "@/lib/domain/errors";
import type { ErrorBody, ErrorCode } from "@/lib/contracts/common";

export const STATUS_BY_CODE: Readonly<Record<DomainErrorCode, number>> = Object.freeze({
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
});

export const INTERNAL_MESSAGE = "Something went wrong on our side.";
export const VALIDATION_MESSAGE = "Some fields are not valid.";
export const DATABASE_UNAVAILABLE_MESSAGE = "The service is briefly unavailable: try again in a moment.";

/** a lost or refused database connection as the UNAVAILABLE refusal (its own text may hold internals) */
export function databaseUnavailable(): DomainError {
  return new DomainError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE);
}

/** the HTTP status of an error code; INTERNAL (or anything unknown) is 500 */
export function statusOf(code: ErrorCode | string): number {
  return Object.hasOwn(STATUS_BY_CODE, code) ? STATUS_BY_CODE[code as DomainErrorCode] : 500;
}

/** the key under which details.fieldErrors lists the reasons about the value itself (the body, the query) */
export const ROOT_FIELD = "_";

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? ROOT_FIELD : path.map((k) => String(k)).join(".");
}

/**
 * Every failing field of a ZodError with all its reasons: nested paths joined with "." (a list's
 * items by index, "previousTaskIds.2"), issues about the value itself under "_", and an unknown key
 * of a strict object under its own name ("is not a known field"). `prefix` puts the fields under a
 * parent name. Reasons are listed once each, in the order zod found them.
 */
export function fieldErrorsOf(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): FieldErrors {
  // a Map, not an object: a field may be called "constructor" or "__proto__"
  const out = new Map<string, string[]>();
  const add = (path: readonly PropertyKey[], reason: string) => {
    const name = fieldName(path);
    const reasons = out.get(name) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    out.set(name, reasons);
  };
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...path, key], "is not a known field");
    } else {
      add(path, issue.message);
    }
  }
  return Object.fromEntries(out);
}

/** merges field maps; reasons of the same field are concatenated without repeats */
export function mergeFieldErrors(...maps: FieldErrors[]): FieldErrors {
  const out = new Map<string, string[]>();
  for (const map of maps) {
    for (const [field, reasons] of Object.entries(map)) {
      const into = out.get(field) ?? [];
      for (const reason of reasons) if (!into.includes(reason)) into.push(reason);
      out.set(field, into);
    }
  }
  return Object.fromEntries(out);
}

export function isZodError(e: unknown): e is z.core.$ZodError {
  return e instanceof z.core.$ZodError;
}

/** a ZodError as the VALIDATION DomainError the services and server actions throw */
export function validationFromZod(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): DomainError {
  return new DomainError("VALIDATION", VALIDATION_MESSAGE, { fieldErrors: fieldErrorsOf(error, prefix) });
}

/**
 * the refusal anything thrown stands for: a DomainError as it is, a ZodError as VALIDATION, a database out of
 * reach as UNAVAILABLE; null for anything else (a bug). Shared by the API's answers and the server actions'.
 */
export function refusalOf(e: unknown): DomainError | null {
  if (isDomainError(e)) return e;
  if (isZodError(e)) return validationFromZod(e);
  if (isDatabaseUnavailable(e)) return databaseUnavailable();
  return null;
}

/** the api.md error body of anything thrown: its refusal (refusalOf), or INTERNAL */
export function toErrorBody(e: unknown): ErrorBody {
  const refusal = refusalOf(e);
  if (refusal) return { error: { code: refusal.code, message: refusal.message, details: { ...refusal.details } } };
  return { error: { code: "INTERNAL", message: INTERNAL_MESSAGE } };
}

const JSON_HEADERS = { "Cache-Control": "no-store" } as const;

/**
 * The Response for anything thrown. An unknown error is logged with console.error (message and
 * stack go to the server log only), a database out of reach with console.warn. RATE_LIMITED carries
 * Retry-After when details.retryAfterSeconds says how long.
 */
export function errorResponse(error: unknown, init: { headers?: HeadersInit } = {}): Response {
  const body = toErrorBody(error);
  const status = statusOf(body.error.code);
  if (status === 500) console.error("[api] unexpected error", error);
  else if (status === 503 && !isDomainError(error))
    console.warn("[api] database unavailable:", error instanceof Error ? error.message : error);
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(JSON_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  const retryAfter = body.error.details?.retryAfterSeconds;
  if (body.error.code === "RATE_LIMITED" && typeof retryAfter === "number" && Number.isFinite(retryAfter)) {
    headers.set("Retry-After", String(Math.max(0, Math.ceil(retryAfter))));
  }
  return Response.json(body, { status, headers });
}
