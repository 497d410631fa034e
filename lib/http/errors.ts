// The ONE mapping from a refusal (lib/refusals/refusal.ts) to api.md's answer: a status per code and the body
// { error: { code, message, details } }. A database that cannot be reached is 503 UNAVAILABLE: the request did
// not complete and can be retried. Anything else is a bug: 500 INTERNAL, logged, its text never shown.

import { isDomainError, type DomainErrorCode } from "@/lib/domain/errors";
import { refusalOf } from "@/lib/refusals/refusal";
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

/** the HTTP status of an error code; INTERNAL (or anything unknown) is 500 */
export function statusOf(code: ErrorCode | string): number {
  return Object.hasOwn(STATUS_BY_CODE, code) ? STATUS_BY_CODE[code as DomainErrorCode] : 500;
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
