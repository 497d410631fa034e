// Helpers of the accounts tests: calling route modules as Next 16 does, a cookie jar for next-auth flows, and
// fresh names and addresses so that tests do not share throttle buckets.
import { randomBytes, randomInt } from "node:crypto";
import { createAuthRouteHandlers, type AuthRouteHandler } from "@/lib/auth/nextauth-route";
import { authOptions, type AuthConfig } from "@/lib/auth/options";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;

export const ORIGIN = "http://pinit.test";

export type Answer = { status: number; headers: Headers; json: Record<string, unknown> };

export async function call(
  handler: Handler,
  init: {
    method?: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  },
): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`${ORIGIN}${init.path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

export const uniqueUsername = (prefix = "u") => `${prefix}_${randomBytes(5).toString("hex")}`;

let addressCounter = randomInt(0, 60_000);
/** an IPv6 documentation network of its own (each /64 is one bucket), so that address limits do not leak between tests */
export function freshAddress(): string {
  addressCounter += 1;
  return `2001:db8:${(addressCounter >> 16).toString(16)}:${(addressCounter & 0xffff).toString(16)}::1`;
}

/** cookies kept across the requests of a browser-like flow */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join("; ");
  }
}

/** /api/auth/* as the app serves it, optionally with a provider pointed at a fake server */
export function authRoutes(config: AuthConfig = {}): { GET: AuthRouteHandler; POST: AuthRouteHandler } {
  return createAuthRouteHandlers((context) => authOptions(context, config));
}

/** one request to /api/auth/<segments> with the jar's cookies; the jar keeps what comes back */
export async function authRequest(
  routes: { GET: AuthRouteHandler; POST: AuthRouteHandler },
  jar: CookieJar,
  path: string,
  init: { form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = new URL(path, ORIGIN);
  const segments = url.pathname
    .replace(/^\/api\/auth\//, "")
    .split("/")
    .filter(Boolean);
  const headers = new Headers(init.headers);
  // the jar's cookies, plus any the test adds by hand (like one a page's script would have set)
  const cookie = [jar.header(), headers.get("cookie")].filter(Boolean).join("; ");
  if (cookie) headers.set("cookie", cookie);
  let body: string | undefined;
  if (init.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(init.form).toString();
  }
  const request = new Request(url, { method: init.form ? "POST" : "GET", headers, body });
  const handler = init.form ? routes.POST : routes.GET;
  const response = await handler(request, { params: Promise.resolve({ nextauth: segments }) });
  jar.store(response);
  return response;
}

/** next-auth's CSRF token (and its cookie, into the jar) */
export async function csrfToken(
  routes: { GET: AuthRouteHandler; POST: AuthRouteHandler },
  jar: CookieJar,
): Promise<string> {
  const response = await authRequest(routes, jar, "/api/auth/csrf");
  const body = (await response.json()) as { csrfToken: string };
  return body.csrfToken;
}

/** a password sign-in through next-auth's Credentials provider, as the sign-in page makes it */
export async function passwordSignIn(
  routes: { GET: AuthRouteHandler; POST: AuthRouteHandler },
  jar: CookieJar,
  credentials: { username: string; password: string },
  address: string,
): Promise<Response> {
  const token = await csrfToken(routes, jar);
  return authRequest(routes, jar, "/api/auth/callback/credentials", {
    form: { ...credentials, csrfToken: token, callbackUrl: "/today", json: "true" },
    headers: { "x-pinit-remote-address": address },
  });
}
