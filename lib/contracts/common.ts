// The building blocks of every /api/v1 contract (api.md). One zod schema per input and output, shared
// by the HTTP API (lib/http), the server actions and the OpenAPI document, so nothing is written twice.
//
// Conventions, so that every refusal reads the same:
// - each refusal message is the reason in plain English, without the field's name ("must be at most
//   40 characters"); lib/refusals/refusal.ts puts it under the field's dotted path in details.fieldErrors;
// - request bodies are strict objects: an unknown key is refused ("is not a known field");
// - query strings are lenient objects (unknown keys such as cache busters are dropped) whose numbers
//   and booleans are parsed from text;
// - text is measured in Unicode characters (code points), as PostgreSQL's char_length and JSON
//   Schema's maxLength do, and must be well-formed text without NUL or other control characters
//   (PostgreSQL refuses NUL, and a control character in a title is never meant);
// - all limits come from lib/domain/limits.ts.

// first: in the browser the schemas below must be built without `new Function` (the CSP forbids eval)
import "@/lib/security/zod-jitless";
import { isSupportedDate, isSupportedInstant, isValidDate } from "@/lib/domain/time";
import * as z from "zod";
import type {} from "zod-openapi"; // types only: the OpenAPI keys of .meta() (id, override); nothing at run time
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from "@/lib/domain/errors";
import { DESCRIPTION, IDEMPOTENCY_KEY, PAGE_LIMIT, SCHEDULE_TYPES, SUPPORTED_DATES, TITLE } from "@/lib/domain/limits";
import { SCHEDULE_ACTIONS, SCHEDULE_STATES } from "@/lib/domain/schedule-transitions";

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** the schema-level message: "is required" when the value is missing, else `reason` */
export function requiredOr(reason: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : reason);
}

export function oneOfMessage(values: readonly (string | number)[]): string {
  return `must be one of ${values.join(", ")}`;
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/** Unicode characters, as PostgreSQL's char_length counts them (an emoji is one, not two) */
export function characterCount(s: string): number {
  return Array.from(s).length;
}

// C0 controls, DEL and C1 controls; multi-line text keeps tab, line feed and carriage return
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export type TextOptions = {
  /** at least this many characters (after trimming, when trimmed); 1 refuses blank text as "must not be blank" */
  min?: number;
  max: number;
  /** trim white space at both ends first (titles, nicknames) */
  trim?: boolean;
  /** allow tab and line breaks (descriptions) */
  multiline?: boolean;
  description?: string;
};

/** a text field with plain-English refusals; see the conventions at the top of the file */
export function text({ min = 0, max, trim = false, multiline = false, description }: TextOptions) {
  let schema = z.string({ error: requiredOr("must be text") });
  if (trim) schema = schema.trim();
  return schema
    .check(
      z.refine((s: string) => s.isWellFormed(), "must be valid Unicode text"),
      z.refine((s: string) => !(multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(s), {
        message: multiline ? "must not contain control characters" : "must be one line without control characters",
      }),
      z.refine((s: string) => characterCount(s) >= min, {
        message: min === 1 ? "must not be blank" : `must be at least ${min} characters`,
      }),
      z.refine((s: string) => characterCount(s) <= max, { message: `must be at most ${max} characters` }),
    )
    .meta({
      override: min > 0 ? { minLength: min, maxLength: max } : { maxLength: max },
      ...(description ? { description } : {}),
    });
}

// ---------------------------------------------------------------------------------------------
// Numbers and flags
// ---------------------------------------------------------------------------------------------

/** the largest value of a PostgreSQL integer column (version numbers are stored there) */
export const INT4_MAX = 2_147_483_647;

/** a whole number within [min, max] (both included) */
export function integer(min: number, max: number, description?: string) {
  return z
    .int({ error: requiredOr("must be a whole number") })
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .meta(description ? { description } : {});
}

/** a whole number from the query string ("20"); also takes a number when called from code */
export function queryInteger(min: number, max: number) {
  return z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/** a query-string flag: exactly "true" or "false", absent meaning false */
export function queryFlag(description: string) {
  return z
    .enum(["true", "false"], { error: oneOfMessage(["true", "false"]) })
    .default("false")
    .transform((v) => v === "true")
    .meta({ description });
}

// ---------------------------------------------------------------------------------------------
// Scalars of the API
// ---------------------------------------------------------------------------------------------

/**
 * An id: a UUID in its 8-4-4-4-12 hexadecimal form. Any such string is taken (not only the
 * versions Pinit generates), so that an id that does not exist answers 404, not 400.
 */
export const Id = z
  .guid({ error: requiredOr("must be a UUID") })
  .toLowerCase() // the same UUID in capitals names the same row: compare ids in one spelling
  .meta({ description: "A UUID.", examples: ["0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e"] });

/** the shape of an ISO 8601 instant (the full check is zod's); the range is judged only for this shape */
const INSTANT_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** an instant: ISO 8601 date and time WITH a UTC offset ("Z" or ±hh:mm), on a day that exists */
export const Instant = z.iso
  .datetime({
    offset: true,
    error: requiredOr("must be an ISO 8601 date and time with an offset, such as 2026-03-01T09:00:00+09:00"),
  })
  .refine(
    (s) => !INSTANT_FORMAT.test(s) || isSupportedInstant(new Date(s)),
    `must be between ${SUPPORTED_DATES.min} and ${SUPPORTED_DATES.max}`,
  )
  .meta({ description: "An ISO 8601 instant with an offset.", examples: ["2026-03-01T09:00:00+09:00"] });

/**
 * an instant in a request body: checked as Instant, then handed on as a Date, the one form in which instants enter
 * services (routes and actions pass the parsed body through instead of converting it each)
 */
export const InstantInput = Instant.transform((s) => new Date(s));

/** a calendar day YYYY-MM-DD that exists (2026-02-30 is refused) */
export const LocalDate = z.iso
  .date({ error: requiredOr("must be a date YYYY-MM-DD that exists") })
  // judged only for real dates: a malformed one already has its own refusal
  .refine(
    (s) => !isValidDate(s) || isSupportedDate(s),
    `must be between ${SUPPORTED_DATES.min} and ${SUPPORTED_DATES.max}`,
  )
  .meta({ description: "A calendar date YYYY-MM-DD (in the member's time zone).", examples: ["2026-03-01"] });

export const ScheduleType = z.enum(SCHEDULE_TYPES, { error: requiredOr(oneOfMessage(SCHEDULE_TYPES)) });
export const ScheduleState = z.enum(SCHEDULE_STATES, { error: requiredOr(oneOfMessage(SCHEDULE_STATES)) });
export const ScheduleAction = z.enum(SCHEDULE_ACTIONS, { error: requiredOr(oneOfMessage(SCHEDULE_ACTIONS)) });

/** a task's or a schedule's title: trimmed, not blank, at most TITLE.max characters */
export const Title = text({ min: TITLE.min, max: TITLE.max, trim: true, description: "Trimmed; not blank." });

/** a task's or a schedule's description; may be empty and span lines */
export const Description = text({ max: DESCRIPTION.max, multiline: true });

/** the Idempotency-Key header: 1–255 printable ASCII characters */
export const IdempotencyKey = z
  .string({ error: requiredOr("must be text") })
  .min(IDEMPOTENCY_KEY.min, `must be at least ${IDEMPOTENCY_KEY.min} character`)
  .max(IDEMPOTENCY_KEY.max, `must be at most ${IDEMPOTENCY_KEY.max} characters`)
  .regex(IDEMPOTENCY_KEY.pattern, "must contain only printable ASCII characters")
  .meta({ description: "1–255 printable ASCII characters, chosen by the client; scoped to the member." });

/** the `version` last read, sent back with a PATCH or DELETE; a stale one answers 409 CONFLICT */
export const Version = integer(1, INT4_MAX, "The version last read; a stale one answers 409 CONFLICT.");

/** path parameters of /things/{id} */
export const IdParams = z.object({ id: Id });
export type IdParams = z.output<typeof IdParams>;

/** the body of an action POST: nothing, or {} */
export const EmptyBody = z.strictObject({}, { error: bodyObjectError });
export type EmptyBody = z.output<typeof EmptyBody>;

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

function bodyObjectError(issue: { code?: string; input?: unknown }) {
  if (issue.code === "unrecognized_keys") return "is not a known field";
  return issue.input === undefined ? "is required" : "must be a JSON object";
}

/** a request body: a strict object (unknown keys refused, one "is not a known field" per key) */
export function body<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, { error: bodyObjectError });
}

/** a response: a strict object too, so that a service leaking an extra field is caught by the tests */
export function view<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape);
}

// ---------------------------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------------------------

/**
 * An opaque cursor, as the previous page's nextCursor gave it. Its length is not a domain limit:
 * it only keeps garbage out; services decode it and refuse one they cannot read (VALIDATION).
 */
export const CURSOR_MAX_LENGTH = 512;
export const Cursor = z
  .string({ error: "must be text" })
  .min(1, "must not be empty")
  .max(CURSOR_MAX_LENGTH, `must be at most ${CURSOR_MAX_LENGTH} characters`)
  .regex(/^[\x21-\x7E]+$/, "must be a cursor given by a previous page")
  .meta({ description: "The nextCursor of the previous page." });

export const PageLimit = queryInteger(PAGE_LIMIT.min, PAGE_LIMIT.max)
  .default(PAGE_LIMIT.default)
  .meta({ description: `How many items, ${PAGE_LIMIT.min}–${PAGE_LIMIT.max}.` });

/** { items, nextCursor } — nextCursor is null on the last page */
export function page<T extends z.ZodType>(item: T) {
  return view({ items: z.array(item), nextCursor: z.string().nullable() });
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export { DOMAIN_ERROR_CODES };

/** every code an error body can carry: the domain's, and INTERNAL for a bug (500) */
export const ERROR_CODES: readonly [DomainErrorCode | "INTERNAL", ...(DomainErrorCode | "INTERNAL")[]] = [
  "INTERNAL",
  ...DOMAIN_ERROR_CODES,
];
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldErrors = z
  .record(z.string(), z.array(z.string()))
  .meta({ description: 'field (nested paths joined with ".", the body itself "_") → every reason it was refused' });

export const ErrorDetails = z
  .looseObject({
    fieldErrors: FieldErrors.optional().meta({ description: "VALIDATION, DUPLICATE" }),
    state: ScheduleState.optional().meta({ description: "ILLEGAL_TRANSITION: the schedule's state" }),
    allowedActions: z
      .array(ScheduleAction)
      .optional()
      .meta({ description: "ILLEGAL_TRANSITION: what the state allows" }),
    activeScheduleId: Id.optional().meta({ description: "ANOTHER_SCHEDULE_ACTIVE: the running schedule" }),
    taskIds: z
      .array(Id)
      .optional()
      .meta({ description: "PREREQUISITES_OPEN: the open prerequisites; DEPENDENCY_CYCLE: the tasks on the cycle" }),
    retryAfterSeconds: z.int().optional().meta({ description: "RATE_LIMITED: also in the Retry-After header" }),
    refs: z.array(z.string()).optional().meta({
      description: "DEPENDENCY_CYCLE of an accepted break-down: the refs (or existing task ids) along the cycle",
    }),
  })
  .meta({ description: "What the refusal is about; its keys depend on the code." });

/** the body of every refusal: { error: { code, message, details } } (a 500 has no details) */
export const ErrorBody = view({
  error: view({
    code: z.enum(ERROR_CODES),
    message: z.string().meta({ description: "For people; do not parse it." }),
    details: ErrorDetails.optional(),
  }),
}).meta({ id: "Error" });
export type ErrorBody = z.output<typeof ErrorBody>;
