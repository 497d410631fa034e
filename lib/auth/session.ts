// The browser session: next-auth's JWT (encrypted with AUTH_SECRET) in an http-only cookie. One place decides
// the cookie's name and flags and what the token says, for next-auth (lib/auth/options.ts), for the sign-up
// action that signs the new member in, for the proxy's redirect and for the API's authentication.
//
// Nothing here touches the database: the proxy imports it. Whether the member still exists is checked by
// authenticate() and currentMember(), which do.
import type { CookieOption, CookiesOptions } from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import { authSecret } from "./secret";

declare module "next-auth/jwt" {
  interface JWT {
    /** the member this session belongs to (also in `sub`) */
    memberId?: string;
    /** the member's session epoch at sign-in: raising it (sign out everywhere, a new password) ends the session */
    epoch?: number;
  }
}

/** whose a session or API token is, and in which of the member's session epochs it was issued */
export type SessionOwner = { memberId: string; sessionEpoch: number };

/** a member id alone stands for epoch 0, the epoch of a member who never ended their sessions */
export const ownerOf = (member: string | SessionOwner): SessionOwner =>
  typeof member === "string" ? { memberId: member, sessionEpoch: 0 } : member;

/** how long a session lasts after sign-in; the app does not slide it (no client polls /api/auth/session) */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether cookies get the Secure flag (and the __Secure-/__Host- name prefixes). Always over https, and always
 * in production, except for plain http on this machine (a local `npm start`, the browser tests), where browsers
 * would otherwise drop them. Production over plain http to another host fails closed: no cookie is sent.
 */
export function cookiesAreSecure(): boolean {
  const site = process.env.NEXTAUTH_URL;
  if (site) {
    try {
      const url = new URL(site);
      if (url.protocol === "https:") return true;
      if (LOOPBACK_HOSTS.has(url.hostname)) return false;
    } catch {
      // an unreadable NEXTAUTH_URL: decided by the environment below
    }
  }
  return process.env.NODE_ENV === "production";
}

/** next-auth's cookies, all http-only and SameSite=Lax (Strict would drop the session on the way back from Naver) */
export function authCookies(secure = cookiesAreSecure()): CookiesOptions {
  const prefix = secure ? "__Secure-" : "";
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const shortLived = { ...base, maxAge: 15 * 60 };
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options: base },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options: base },
    // __Host-: bound to this exact host and path /, which the CSRF double-submit cookie wants
    csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options: base },
    pkceCodeVerifier: { name: `${prefix}next-auth.pkce.code_verifier`, options: shortLived },
    state: { name: `${prefix}next-auth.state`, options: shortLived },
    nonce: { name: `${prefix}next-auth.nonce`, options: base },
  };
}

export function sessionCookie(): CookieOption {
  return authCookies().sessionToken;
}

/** what a session token says: the member, in `sub` (next-auth's convention) and `memberId` (ours), and its epoch */
export function sessionClaims(token: JWT, member: string | SessionOwner): JWT {
  const { memberId, sessionEpoch } = ownerOf(member);
  // drop what the provider put there (name, e-mail, picture): the session names the member and nothing else
  const { iat, exp, jti } = token;
  return {
    ...(iat ? { iat } : {}),
    ...(exp ? { exp } : {}),
    ...(jti ? { jti } : {}),
    sub: memberId,
    memberId,
    epoch: sessionEpoch,
  };
}

/** a new session token for a member, exactly as next-auth would issue it at sign-in */
export async function encodeSessionToken(member: string | SessionOwner): Promise<string> {
  return encode({ token: sessionClaims({}, member), secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

/** whose a session token is, or null when it is missing, forged, expired or unreadable (sessions before epochs: 0) */
export async function decodeSession(token: string | undefined | null): Promise<SessionOwner | null> {
  if (!token) return null;
  try {
    const claims = await decode({ token, secret: authSecret() });
    const memberId = claims?.memberId;
    if (typeof memberId !== "string" || memberId.length === 0) return null;
    const epoch = claims?.epoch ?? 0;
    return Number.isSafeInteger(epoch) && epoch >= 0 ? { memberId, sessionEpoch: epoch } : null;
  } catch {
    return null;
  }
}

/** the member a session token names, or null (the proxy's quick check; the epoch is checked with the database) */
export async function decodeSessionToken(token: string | undefined | null): Promise<string | null> {
  return (await decodeSession(token))?.memberId ?? null;
}

/**
 * The session token among a request's cookies. next-auth splits a token over 4 kB into `<name>.0`, `<name>.1`, …;
 * ours are far smaller, but a split one is joined here the way next-auth joins it.
 */
export function sessionTokenFrom(cookies: Iterable<{ name: string; value: string }>): string | null {
  const name = sessionCookie().name;
  let whole: string | null = null;
  const chunks: [number, string][] = [];
  for (const cookie of cookies) {
    if (cookie.name === name) whole = cookie.value;
    else if (cookie.name.startsWith(`${name}.`)) {
      const index = Number(cookie.name.slice(name.length + 1));
      if (Number.isInteger(index) && index >= 0) chunks.push([index, cookie.value]);
    }
  }
  if (whole !== null) return whole;
  if (chunks.length === 0) return null;
  return chunks
    .sort((a, b) => a[0] - b[0])
    .map(([, value]) => value)
    .join("");
}

/** the cookies of a Cookie header, as name/value pairs (values stay as sent: next-auth's are URL-safe) */
export function parseCookieHeader(header: string | null): { name: string; value: string }[] {
  if (!header) return [];
  const out: { name: string; value: string }[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // not percent-encoded text: keep it as sent
    }
    if (name) out.push({ name, value });
  }
  return out;
}
