// Where to go after signing in: only a path on this site. Used by the proxy, the pages and the browser code
// (no server imports here), so that `?callbackUrl=https://evil.example` or `//evil.example` never leads away.

/** where a signed-in member lands by default */
export const HOME_PATH = "/today";
export const SIGN_IN_PATH = "/signin";
export const SIGN_UP_PATH = "/signup";

const BASE = "http://pinit.invalid";

/**
 * `raw` as a same-site path ("/today?x=1#y"), or `fallback`. An absolute URL is accepted only when its origin
 * is `origin`. The sign-in and sign-up pages are never a destination (they would only send you on again).
 */
export function safeCallbackPath(raw: unknown, options: { origin?: string; fallback?: string } = {}): string {
  const fallback = options.fallback ?? HOME_PATH;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  if (/[\u0000-\u001F\u007F\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    if (raw.startsWith("/") && !raw.startsWith("//")) url = new URL(raw, BASE);
    else if (options.origin && new URL(raw).origin === options.origin) url = new URL(raw);
    else return fallback;
  } catch {
    return fallback;
  }
  if (url.origin !== BASE && url.origin !== options.origin) return fallback;
  if (url.pathname === SIGN_IN_PATH || url.pathname === SIGN_UP_PATH || url.pathname.startsWith("/api/")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** the sign-in page, coming back to `path` afterwards */
export function signInPathFor(path: string | null | undefined): string {
  const back = path ? safeCallbackPath(path, { fallback: "" }) : "";
  return back && back !== HOME_PATH ? `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(back)}` : SIGN_IN_PATH;
}
