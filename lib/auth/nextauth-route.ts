import "server-only";
// The route handler of /api/auth/* (app/api/auth/[...nextauth]/route.ts). It runs next-auth's request handler
// from a plain Web Request, and so does not depend on next/headers: the same code serves `next start` and the
// integration tests, which drive whole sign-ins (password, and Naver against a fake provider) through it.
//
// On top of next-auth it adds what next-auth does not do: a throttled password attempt answers 429 with
// Retry-After, and no answer is cached.
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type AuthOptions } from "next-auth";
import { isValidTimeZone } from "@/lib/domain/time";
import { readAtMost } from "@/lib/http/handler";
import { localeFromAcceptLanguage } from "@/lib/i18n/locale";
import { AUTH_ERRORS, type AuthRequestContext } from "./options";
import { parseCookieHeader } from "./session";
import { clientAddress } from "@/lib/services/members/sign-in-throttle";

/** the cookie in which the sign-in page leaves the browser's time zone for a member created by Naver/Kakao */
export const TIME_ZONE_HINT_COOKIE = "pinit-tz";

const MAX_BODY_BYTES = 16 * 1024;

export type AuthRouteContext = { params: Promise<{ nextauth?: string[] }> };
export type AuthRouteHandler = (request: Request, context: AuthRouteContext) => Promise<Response>;

/** GET and POST of /api/auth/[...nextauth], with the options built for each request */
export function createAuthRouteHandlers(optionsFor: (context: AuthRequestContext) => AuthOptions): {
  GET: AuthRouteHandler;
  POST: AuthRouteHandler;
} {
  const handle: AuthRouteHandler = async (request, routeContext) => {
    const segments = (await routeContext.params).nextauth ?? [];
    const url = new URL(request.url);
    const cookies = Object.fromEntries(parseCookieHeader(request.headers.get("cookie")).map((c) => [c.name, c.value]));

    let body: Record<string, string> | undefined;
    if (request.method === "POST") {
      const read = await readBody(request);
      if (read === null) return plain(413, "The request body is too large.");
      body = read;
    }

    const context: AuthRequestContext = {
      address: clientAddress(request.headers),
      newMemberHints: newMemberHints(cookies[TIME_ZONE_HINT_COOKIE], request.headers.get("accept-language")),
    };
    const req = {
      method: request.method,
      headers: Object.fromEntries(request.headers),
      cookies,
      query: { ...Object.fromEntries(url.searchParams), nextauth: segments },
      body,
    };
    const res = new CollectedResponse();
    // next-auth's Pages-router entry takes a Node-style req/res; these two carry exactly what it reads and calls
    await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, optionsFor(context));

    if (context.refusal) return rateLimitedAnswer(res, url, context);
    return res.toResponse();
  };
  return { GET: handle, POST: handle };
}

function newMemberHints(
  timezoneCookie: string | undefined,
  acceptLanguage: string | null,
): AuthRequestContext["newMemberHints"] {
  const hints: AuthRequestContext["newMemberHints"] = {};
  if (timezoneCookie && timezoneCookie.length <= 64 && isValidTimeZone(timezoneCookie)) hints.timezone = timezoneCookie;
  const locale = localeFromAcceptLanguage(acceptLanguage);
  if (locale) hints.locale = locale;
  return hints;
}

/**
 * 429 with Retry-After (api.md) instead of next-auth's 401. The body keeps next-auth's `{ url }` (its client reads
 * the error code from it) and adds the API's error body; cookies next-auth set (the CSRF token) are kept.
 */
function rateLimitedAnswer(res: CollectedResponse, url: URL, context: AuthRequestContext): Response {
  const refusal = context.refusal!;
  const retryAfter = Number(refusal.details.retryAfterSeconds) || 60;
  const headers = res.headersWithoutBody();
  headers.set("Content-Type", "application/json");
  headers.set("Retry-After", String(retryAfter));
  const signInUrl = new URL("/signin", url.origin);
  signInUrl.searchParams.set("error", AUTH_ERRORS.rateLimited);
  const body = {
    url: signInUrl.toString(),
    error: { code: refusal.code, message: refusal.message, details: { retryAfterSeconds: retryAfter } },
  };
  return new Response(JSON.stringify(body), { status: 429, headers });
}

/** the form (or JSON) body next-auth reads, at most MAX_BODY_BYTES; null when larger */
async function readBody(request: Request): Promise<Record<string, string> | null> {
  // counted while streaming: a chunked upload without Content-Length is cut off at the cap, not buffered whole
  let bytes: Uint8Array | null;
  try {
    bytes = await readAtMost(request, MAX_BODY_BYTES);
  } catch {
    return {};
  }
  if (bytes === null) return null;
  const text = new TextDecoder().decode(bytes);
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === "object" && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
      }
    } catch {
      // not JSON: an empty body, which next-auth refuses on its own terms
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** the part of Next's API response that next-auth uses: status, headers (Set-Cookie as a list), json, send, end */
class CollectedResponse {
  private statusCode = 200;
  private readonly headerValues = new Map<string, string | string[]>();
  private body: string | null = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string | string[]): this {
    this.headerValues.set(name.toLowerCase(), value);
    return this;
  }
  getHeader(name: string): string | string[] | undefined {
    return this.headerValues.get(name.toLowerCase());
  }
  json(value: unknown): this {
    this.setHeader("content-type", "application/json");
    this.body = JSON.stringify(value);
    return this;
  }
  send(value: unknown): this {
    if (value === undefined || value === null) this.body = null;
    else if (typeof value === "string") this.body = value;
    else return this.json(value);
    return this;
  }
  end(): this {
    return this;
  }

  headersWithoutBody(): Headers {
    const headers = new Headers();
    for (const [name, value] of this.headerValues) {
      if (name === "content-type" || name === "content-length" || name === "location") continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    headers.set("Cache-Control", "no-store");
    return headers;
  }

  toResponse(): Response {
    const headers = new Headers();
    for (const [name, value] of this.headerValues) {
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    // sessions, CSRF tokens and provider redirects are per person: never stored by a cache
    headers.set("Cache-Control", "no-store");
    const bodyless =
      this.statusCode === 204 || this.statusCode === 304 || (this.statusCode >= 300 && this.statusCode < 400);
    return new Response(bodyless ? null : this.body, { status: this.statusCode, headers });
  }
}
