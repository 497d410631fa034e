// Cookie-authenticated writes to /api/v1 must come from Pinit's own pages. SameSite=Lax keeps the cookie off
// cross-site POSTs from forms, but not off requests from a sibling origin of the same site (another subdomain,
// another port), so a write that relies on the cookie alone names its origin and it must be ours. Bearer-token
// calls are unaffected: a token is never sent by the browser on its own.
import { DomainError } from "@/lib/domain/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** the origin the app is served from: NEXTAUTH_URL's (the public address), else the request's own */
export function appOrigin(request: Request, env: Record<string, string | undefined> = process.env): string {
  const site = env.NEXTAUTH_URL?.trim();
  if (site) {
    try {
      return new URL(site).origin;
    } catch {
      // unreadable: the request's own origin below
    }
  }
  return new URL(request.url).origin;
}

/**
 * Whether a request carrying only the session cookie may do what it asks: reads always; writes only with an
 * Origin equal to the app's, or, from a browser that sends no Origin, Sec-Fetch-Site: same-origin. A write with
 * neither (a script replaying a stolen cookie, an old browser) is refused.
 */
export function cookieRequestAllowed(request: Request, env: Record<string, string | undefined> = process.env): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  if (origin !== null) return origin !== "null" && origin === appOrigin(request, env);
  return request.headers.get("sec-fetch-site") === "same-origin";
}

export function crossOriginRefusal(): DomainError {
  return new DomainError(
    "UNAUTHORIZED",
    "A change signed in by the session cookie must come from Pinit's own pages; other clients send Authorization: Bearer <token>.",
  );
}
