// The wrapper every /api/v1 route file uses, so that route files stay a few lines long:
//   1. authenticates (401 with the api.md body when nobody is signed in);
//   2. reads and validates, with the contracts of lib/contracts, the path parameters, the query
//      string, the Idempotency-Key header and the JSON body — every refused field at once, in one
//      400 VALIDATION; malformed, oversized or non-object bodies are a 400 too, never a 500;
//   3. calls the handler with typed input, the member's id, the key and a request fingerprint; on a route
//      declared idempotent, under the key, so that its service's first transaction answers once per key;
//   4. answers the handler's value as JSON (or the Response it built), and anything thrown through
//      the one mapping of ./errors.
//
// Web-standard Request/Response only. Next 16 calls a route's export as (request, { params }) where
// params is a Promise of the dynamic segments; tests call it the same way.

import { createHash } from "node:crypto";
import * as z from "zod";
import { DomainError, validationError, type FieldErrors } from "@/lib/domain/errors";
import { IdempotencyKey } from "@/lib/contracts/common";
import { underIdempotencyKey, type KeyedRequest } from "@/lib/services/idempotency";
import { ROOT_FIELD, fieldErrorsOf, mergeFieldErrors } from "@/lib/refusals/refusal";
import { errorResponse } from "./errors";

/** who is asking: the session cookie or the bearer token's member, or null (lib/auth/authenticate.ts) */
export type Authenticate = (request: Request) => Promise<{ memberId: string } | null>;

/** the second argument Next 16 gives a route handler */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** the largest JSON body accepted (64 KiB) */
export const MAX_BODY_BYTES = 64 * 1024;
/** how deeply a JSON body may nest; no contract comes close */
export const MAX_BODY_DEPTH = 32;

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";

/** headers every API answer carries unless the handler set them: answers are per member, never cached */
const DEFAULT_HEADERS: Readonly<Record<string, string>> = { "Cache-Control": "no-store" };

type AnySchema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiContext<P, Q, B, M> = {
  request: Request;
  url: URL;
  /** the signed-in member (null only for routes declared with auth: false) */
  memberId: M;
  params: P;
  query: Q;
  body: B;
  /** the Idempotency-Key header, validated, or null when absent */
  idempotencyKey: string | null;
  /**
   * sha256 (hex) of method + " " + pathname + " " + the canonical JSON of the body (keys sorted;
   * no body or an empty one counts as {}): the same key with another fingerprint is
   * IDEMPOTENCY_KEY_REUSED.
   */
  fingerprint: string;
  /** headers added to the answer, success or refusal (e.g. Idempotent-Replayed: true) */
  responseHeaders: Headers;
};

export type ApiHandlerOptions<PS, QS, BS, A extends boolean> = {
  /** false for the routes that need no sign-in (/auth/signup, /auth/token); default true */
  auth?: A;
  /** overrides the one given to createApiHandler (tests pass a fake) */
  authenticate?: Authenticate;
  /** schema of the dynamic segments, e.g. IdParams */
  params?: PS;
  /** schema of the query string; a repeated key arrives as a list of strings */
  query?: QS;
  /** schema of the JSON body; without one the body is not read. An empty body counts as {}. */
  body?: BS;
  /** the status of a success (201 for a creation, 204 for a delete); default 200 */
  status?: number;
  /** outside production, the handler's value is checked against it (a mismatch is a 500 and a log line) */
  output?: AnySchema;
  /**
   * Whether a POST takes an Idempotency-Key. true: the first transaction the handler's service commits claims the
   * key and stores its answer (lib/services/idempotency.ts); a repeat gets that answer with Idempotent-Replayed:
   * true, a concurrent repeat waits for it, the key with another request is 422 IDEMPOTENCY_KEY_REUSED.
   * "repeatable": accepted and not stored, for an action whose repeat has the same effect (documented per route).
   * Absent: a key is a 400 that says this route takes none, never silently ignored.
   */
  idempotent?: true | "repeatable";
};

export type ApiRouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

/** a JSON answer with the API's default headers; return it from a handler to choose the status or headers */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(DEFAULT_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  if (init.status === 204 || init.status === 304) return new Response(null, { ...init, headers });
  return Response.json(data, { ...init, headers });
}

/**
 * Binds the wrapper to the real authentication, once:
 *   // lib/http/api.ts
 *   export const apiHandler = createApiHandler({ authenticate });
 */
export function createApiHandler(deps: { authenticate?: Authenticate } = {}) {
  return function apiHandler<
    PS extends AnySchema | undefined = undefined,
    QS extends AnySchema | undefined = undefined,
    BS extends AnySchema | undefined = undefined,
    A extends boolean = true,
  >(
    options: ApiHandlerOptions<PS, QS, BS, A>,
    handler: (ctx: ApiContext<Out<PS>, Out<QS>, Out<BS>, A extends false ? null : string>) => unknown,
  ): ApiRouteHandler {
    return async (request, context) => {
      const responseHeaders = new Headers();
      try {
        // 1. who
        let memberId: string | null = null;
        if (options.auth !== false) {
          const authenticate = options.authenticate ?? deps.authenticate;
          if (!authenticate) throw new Error("apiHandler: no authenticate function was given");
          const who = await authenticate(request);
          if (!who) {
            return errorResponse(unauthorized(), { headers: responseHeaders });
          }
          memberId = who.memberId;
        }

        // 2. what: every refused field at once
        const url = new URL(request.url);
        const fieldErrors: FieldErrors[] = [];
        const params = parseWith(options.params, (await context?.params) ?? {}, fieldErrors);
        const query = parseWith(options.query, queryObject(url.searchParams), fieldErrors);

        let idempotencyKey: string | null = null;
        // only a POST can be repeated with an effect; a key on a read is meaningless and ignored
        const rawKey = request.method === "POST" ? request.headers.get(IDEMPOTENCY_KEY_HEADER) : null;
        if (rawKey !== null && !options.idempotent) {
          fieldErrors.push({ [IDEMPOTENCY_KEY_HEADER]: ["is not taken by this route: send the request without it"] });
        } else if (rawKey !== null) {
          const parsed = IdempotencyKey.safeParse(rawKey);
          if (parsed.success) idempotencyKey = parsed.data;
          else fieldErrors.push(fieldErrorsOf(parsed.error, [IDEMPOTENCY_KEY_HEADER]));
        }

        let rawBody: unknown = {};
        let body: unknown = undefined;
        if (options.body) {
          const read = await readJsonBody(request);
          if (read.ok) {
            rawBody = read.value;
            body = parseWith(options.body, read.value, fieldErrors);
          } else {
            fieldErrors.push(read.fieldErrors);
          }
        }

        const merged = mergeFieldErrors(...fieldErrors);
        if (Object.keys(merged).length > 0) throw validationError(merged);

        // 3. do
        const fingerprint = requestFingerprint(request.method, url.pathname, rawBody);
        const run = async () =>
          handler({
            request,
            url,
            memberId: memberId as A extends false ? null : string,
            params: params as Out<PS>,
            query: query as Out<QS>,
            body: body as Out<BS>,
            idempotencyKey,
            fingerprint,
            responseHeaders,
          });
        const keyed: KeyedRequest | undefined =
          idempotencyKey !== null && options.idempotent === true && memberId !== null
            ? { memberId, request: { key: idempotencyKey, fingerprint }, claimed: false, replayed: false }
            : undefined;
        let result: unknown;
        try {
          result = keyed ? await underIdempotencyKey(keyed, run) : await run();
        } finally {
          // a replayed success or refusal alike
          if (keyed?.replayed) responseHeaders.set(IDEMPOTENT_REPLAYED_HEADER, "true");
        }

        // 4. answer
        if (result instanceof Response) return withHeaders(result, responseHeaders);
        const status = options.status ?? 200;
        if (options.output && process.env.NODE_ENV !== "production" && status !== 204) {
          const checked = options.output.safeParse(result);
          if (!checked.success) {
            throw new Error(
              `apiHandler: the answer of ${request.method} ${url.pathname} breaks its contract: ${z.prettifyError(checked.error)}`,
            );
          }
        }
        return json(status === 204 ? null : result, { status, headers: responseHeaders });
      } catch (error) {
        return errorResponse(error, { headers: responseHeaders });
      }
    };
  };
}

function unauthorized(): DomainError {
  return new DomainError("UNAUTHORIZED", "Sign in, or send Authorization: Bearer <token>.");
}

function parseWith(schema: AnySchema | undefined, value: unknown, errors: FieldErrors[]): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push(fieldErrorsOf(parsed.error));
  return undefined;
}

/** the query string as an object: a key given once is a string, a key given more than once a list */
export function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

function withHeaders(response: Response, extra: Headers): Response {
  const headers = new Headers(response.headers);
  extra.forEach((value, name) => {
    if (!headers.has(name)) headers.set(name, value);
  });
  for (const [name, value] of Object.entries(DEFAULT_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// ---------------------------------------------------------------------------------------------
// The body
// ---------------------------------------------------------------------------------------------

type BodyRead = { ok: true; value: unknown } | { ok: false; fieldErrors: FieldErrors };

const refuse = (field: string, reason: string): BodyRead => ({ ok: false, fieldErrors: { [field]: [reason] } });

/** application/json, or any +json type (application/merge-patch+json), any parameters */
export function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(essence);
}

/**
 * Reads the body as JSON, safely: at most MAX_BODY_BYTES (counted while reading, whatever
 * Content-Length claims), UTF-8, application/json, an object, nested at most MAX_BODY_DEPTH deep.
 * An empty body is {} (action POSTs accept no body or {}), whatever its content type.
 */
export async function readJsonBody(request: Request): Promise<BodyRead> {
  const tooLarge = `must be at most ${MAX_BODY_BYTES / 1024} KiB`;

  let bytes: Uint8Array;
  try {
    const read = await readAtMost(request, MAX_BODY_BYTES);
    if (read === null) return refuse(ROOT_FIELD, tooLarge);
    bytes = read;
  } catch {
    return refuse(ROOT_FIELD, "could not be read");
  }
  if (bytes.length === 0) return { ok: true, value: {} };
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return refuse("Content-Type", "must be application/json");
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse(ROOT_FIELD, "must be UTF-8 text");
  }
  if (text.trim() === "") return { ok: true, value: {} };

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(ROOT_FIELD, "must be valid JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return refuse(ROOT_FIELD, "must be a JSON object");
  }
  if (depthExceeds(value, MAX_BODY_DEPTH))
    return refuse(ROOT_FIELD, `must not nest deeper than ${MAX_BODY_DEPTH} levels`);
  return { ok: true, value };
}

/**
 * The body's bytes, or null as soon as there are more than `limit`: a declared Content-Length over the limit is
 * refused unread, and a chunked body without one is counted while it streams and cancelled at the limit, never
 * buffered whole. Every route that reads a body reads it through this (the API's JSON, next-auth's forms).
 */
export async function readAtMost(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => {});
    return null;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** whether parsed JSON nests deeper than `max` (walked without recursion) */
function depthExceeds(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Idempotency fingerprint
// ---------------------------------------------------------------------------------------------

/** JSON with object keys sorted, so that the same body spelled in another key order is the same */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** sha256 hex of method + " " + pathname + " " + canonical JSON of the body */
export function requestFingerprint(method: string, pathname: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()} ${pathname} ${canonicalJson(body)}`)
    .digest("hex");
}
