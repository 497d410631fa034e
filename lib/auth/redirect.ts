// Where to go after signing in: only a path on this site. Used by the proxy, the pages and the browser code
// (no server imports here), so that `?callbackUrl=https://evil.example`, `//evil.example` or `/.//evil.example`
// never leads away.

/** where a signed-in member lands by default */
export const HOME_PATH = "/today";
export const SIGN_IN_PATH = "/signin";
export const SIGN_UP_PATH = "/signup";

// Two unrelated stand-in origins: a path is accepted only when it resolves, against each, to that same origin.
// A second origin catches what a browser would read as another host once the path stands alone (`//host`).
const BASE = "http://pinit.invalid";
const OTHER_BASE = "https://other.invalid:8443";

/**
 * `raw` as a same-site path ("/today?x=1#y"), or `fallback`. An absolute URL is accepted only when its origin
 * is `origin`. The sign-in and sign-up pages are never a destination (they would only send you on again).
 *
 * The URL parser normalises first (dot segments, percent-encoding, stripped tabs), then the answer is checked
 * as it would be read on its own: it must start with exactly one "/" and resolve to the same origin it is
 * resolved against, so that no spelling becomes a scheme-relative `//host` after normalisation.
 */
export function safeCallbackPath(raw: unknown, options: { origin?: string; fallback?: string } = {}): string {
  const fallback = options.fallback ?? HOME_PATH;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  // control characters (tabs and newlines the parser would silently drop) and backslashes (read as "/") are refused
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
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!isStandalonePath(path)) return fallback;
  if (url.pathname === SIGN_IN_PATH || url.pathname === SIGN_UP_PATH || url.pathname.startsWith("/api/"))
    return fallback;
  return path;
}

/** whether `path`, read on its own by a browser, stays on whatever origin it is resolved against */
function isStandalonePath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || /[\u0000-\u001F\u007F\\]/.test(path)) return false;
  try {
    return new URL(path, BASE).origin === BASE && new URL(path, OTHER_BASE).origin === OTHER_BASE;
  } catch {
    return false;
  }
}

/** the sign-in page, coming back to `path` afterwards */
export function signInPathFor(path: string | null | undefined): string {
  const back = path ? safeCallbackPath(path, { fallback: "" }) : "";
  return back && back !== HOME_PATH ? `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(back)}` : SIGN_IN_PATH;
}
