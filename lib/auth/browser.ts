// Browser side of signing in through next-auth's endpoints (the same requests next-auth/react's signIn makes),
// kept small and explicit so the page can tell "wrong password" from "throttled for N seconds" (429 and
// Retry-After), which next-auth/react cannot. Browser-only: no server imports.

const AUTH_BASE = "/api/auth";
/** the cookie that carries the browser's time zone to a first Naver/Kakao sign-in (lib/auth/nextauth-route.ts) */
const TIME_ZONE_HINT_COOKIE = "pinit-tz";

export type SignInOutcome =
  | { ok: true }
  | { ok: false; error: "CredentialsSignin" | "RATE_LIMITED" | "NETWORK" | "SERVER"; retryAfterSeconds?: number };

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(`csrf ${response.status}`);
  const body = (await response.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== "string") throw new Error("no csrf token");
  return body.csrfToken;
}

function form(fields: Record<string, string>): RequestInit {
  return {
    method: "POST",
    credentials: "same-origin",
    cache: "no-store",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, json: "true" }),
  };
}

/** username and password through next-auth's Credentials provider; on success the session cookie is set */
export async function signInWithPassword(
  username: string,
  password: string,
  callbackUrl: string,
): Promise<SignInOutcome> {
  let response: Response;
  try {
    const token = await csrfToken();
    response = await fetch(
      `${AUTH_BASE}/callback/credentials`,
      form({ username, password, csrfToken: token, callbackUrl }),
    );
  } catch {
    return { ok: false, error: "NETWORK" };
  }
  if (response.status === 429) {
    const retryAfterSeconds = Number(response.headers.get("Retry-After"));
    return { ok: false, error: "RATE_LIMITED", ...(retryAfterSeconds > 0 ? { retryAfterSeconds } : {}) };
  }
  // next-auth answers { url }: the callback URL on success, else one of its own or our sign-in page with ?error=
  const body = (await response.json().catch(() => ({}))) as { url?: unknown };
  const target = typeof body.url === "string" ? new URL(body.url, location.origin) : null;
  const refused = !target || target.pathname.startsWith(`${AUTH_BASE}/`) || target.pathname === "/signin";
  if (response.ok && !refused) return { ok: true };
  if (response.status === 401 && target?.searchParams.get("error") === "CredentialsSignin") {
    return { ok: false, error: "CredentialsSignin" };
  }
  return { ok: false, error: "SERVER" };
}

/** leave for Naver/Kakao; returns only when that could not start */
export async function startOAuthSignIn(providerId: string, callbackUrl: string): Promise<SignInOutcome> {
  rememberTimeZone();
  try {
    const token = await csrfToken();
    const response = await fetch(
      `${AUTH_BASE}/signin/${encodeURIComponent(providerId)}`,
      form({ csrfToken: token, callbackUrl }),
    );
    const body = (await response.json()) as { url?: unknown };
    if (typeof body.url !== "string") return { ok: false, error: "SERVER" };
    const target = new URL(body.url, location.origin);
    // a redirect back to our own sign-in page means next-auth refused (e.g. the provider is not configured)
    if (target.origin === location.origin && target.pathname.startsWith("/signin"))
      return { ok: false, error: "SERVER" };
    location.assign(target.toString());
    return { ok: true };
  } catch {
    return { ok: false, error: "NETWORK" };
  }
}

/** the browser's time zone, for the member a first provider sign-in creates (10 minutes, only /api/auth sees it) */
function rememberTimeZone(): void {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${TIME_ZONE_HINT_COOKIE}=${encodeURIComponent(zone)}; path=${AUTH_BASE}; max-age=600; samesite=lax${secure}`;
  } catch {
    // no time zone: the member gets the default and can change it in settings
  }
}
