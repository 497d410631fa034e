import "server-only";
// Who is calling /api/v1: a bearer token from POST /api/v1/auth/token, or the browser's next-auth session
// cookie. Returns null for anyone else; the route answers 401.
//
// A bearer header that is present decides alone: a bad token is 401 even when a session cookie comes along,
// so a client never acts as someone other than the one its token names. A write carried by the cookie alone
// must come from the app's own origin (lib/auth/origin.ts): 401 otherwise.
import { db } from "@/lib/db/client";
import { readAccessToken } from "./access-token";
import { cookieRequestAllowed, crossOriginRefusal } from "./origin";
import { decodeSession, parseCookieHeader, sessionTokenFrom, type SessionOwner } from "./session";

export async function authenticate(request: Request): Promise<{ memberId: string } | null> {
  const header = request.headers.get("authorization");
  let owner: SessionOwner | null;
  if (header !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    owner = match?.[1] ? readAccessToken(match[1]) : null;
  } else {
    owner = await decodeSession(sessionTokenFrom(parseCookieHeader(request.headers.get("cookie"))));
    if (owner && !cookieRequestAllowed(request)) throw crossOriginRefusal();
  }
  if (!owner) return null;
  return (await sessionIsCurrent(owner)) ? { memberId: owner.memberId } : null;
}

/**
 * A token or session outlives nothing: a deleted member's ones stop working at once, and so do those issued
 * before the member last ended their sessions (sign out everywhere, a new password), whose epoch is older.
 */
export async function sessionIsCurrent(owner: SessionOwner): Promise<boolean> {
  // ids come from signed tokens, but a malformed one must still be "nobody", not a database error
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(owner.memberId)) return false;
  const row = await db().member.findUnique({ where: { id: owner.memberId }, select: { sessionEpoch: true } });
  return row !== null && row.sessionEpoch === owner.sessionEpoch;
}
