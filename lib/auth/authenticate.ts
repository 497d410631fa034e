// Who is calling /api/v1: a bearer token from POST /api/v1/auth/token, or the browser's next-auth session
// cookie. Returns null for anyone else; the route answers 401.
//
// A bearer header that is present decides alone: a bad token is 401 even when a session cookie comes along,
// so a client never acts as someone other than the one its token names. A write carried by the cookie alone
// must come from the app's own origin (lib/auth/origin.ts): 401 otherwise.
import { db } from "@/lib/db/client";
import { verifyAccessToken } from "./access-token";
import { cookieRequestAllowed, crossOriginRefusal } from "./origin";
import { decodeSessionToken, parseCookieHeader, sessionTokenFrom } from "./session";

export async function authenticate(request: Request): Promise<{ memberId: string } | null> {
  const header = request.headers.get("authorization");
  let memberId: string | null;
  if (header !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    memberId = match?.[1] ? verifyAccessToken(match[1]) : null;
  } else {
    memberId = await decodeSessionToken(sessionTokenFrom(parseCookieHeader(request.headers.get("cookie"))));
    if (memberId && !cookieRequestAllowed(request)) throw crossOriginRefusal();
  }
  if (!memberId) return null;
  return (await memberExists(memberId)) ? { memberId } : null;
}

/** a token or session outlives nothing: a deleted member's ones stop working at once */
export async function memberExists(memberId: string): Promise<boolean> {
  // ids come from signed tokens, but a malformed one must still be "nobody", not a database error
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(memberId)) return false;
  const row = await db().member.findUnique({ where: { id: memberId }, select: { id: true } });
  return row !== null;
}
