import "server-only";
// Bearer tokens for /api/v1 (POST /api/v1/auth/token): a signed, expiring statement "this is member X".
// Format: base64url(JSON payload) "." base64url(HMAC-SHA256(payload, AUTH_SECRET)). Stateless, so issuing a
// new token does not revoke older ones (api.md); they end at their expiry, or when the member's session epoch
// rises (sign out everywhere, a new password): the token carries the epoch it was issued in (`ep`).
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";
import { ownerOf, type SessionOwner } from "./session";

export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60; // one hour

type Payload = { sub: string; iat: number; exp: number; typ: "access"; ep?: number };

const sign = (data: string, secret: string) => createHmac("sha256", secret).update(data).digest("base64url");

export function issueAccessToken(
  member: string | SessionOwner,
  now = new Date(),
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
) {
  const { memberId, sessionEpoch } = ownerOf(member);
  const iat = Math.floor(now.getTime() / 1000);
  const payload: Payload = { sub: memberId, iat, exp: iat + ttlSeconds, typ: "access", ep: sessionEpoch };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return { accessToken: `${body}.${sign(body, authSecret())}`, tokenType: "Bearer" as const, expiresIn: ttlSeconds };
}

/** the member a token names, or null when it is malformed, forged or expired */
export function verifyAccessToken(token: string, now = new Date()): string | null {
  return readAccessToken(token, now)?.memberId ?? null;
}

/** whose a token is and its epoch, or null when it is malformed, forged or expired */
export function readAccessToken(token: string, now = new Date()): SessionOwner | null {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(body, authSecret()));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<Payload>;
    if (payload.typ !== "access" || typeof payload.sub !== "string" || typeof payload.exp !== "number") return null;
    const epoch = payload.ep ?? 0;
    if (!Number.isSafeInteger(epoch) || epoch < 0) return null;
    return payload.exp > now.getTime() / 1000 ? { memberId: payload.sub, sessionEpoch: epoch } : null;
  } catch {
    return null;
  }
}
