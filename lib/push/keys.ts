// The keys of a browser's PushSubscription (RFC 8291): p256dh is the browser's P-256 public key (an
// uncompressed point, 65 bytes), auth a 16-byte secret, both base64url. Checked when a device subscribes
// (a half-broken subscription would fail every send) and again before a send (rows written before the check).

import { ECDH } from "node:crypto";

function decode(value: string): Buffer | null {
  // base64url as PushSubscription.toJSON() gives it; "=" padding tolerated
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return null;
  return Buffer.from(value.replace(/=+$/, ""), "base64url");
}

/** a P-256 public key: 65 bytes, 0x04 then x and y, and a point on the curve */
export function isP256PublicKey(value: string): boolean {
  const bytes = decode(value);
  if (!bytes || bytes.length !== 65 || bytes[0] !== 0x04) return false;
  try {
    ECDH.convertKey(bytes, "prime256v1"); // throws for a point that is not on the curve
    return true;
  } catch {
    return false;
  }
}

/** the auth secret: exactly 16 bytes (RFC 8291 §3.2) */
export function isAuthSecret(value: string): boolean {
  return decode(value)?.length === 16;
}

/** the reasons a subscription's keys cannot be used, by field ("keys.p256dh", "keys.auth"); empty when usable */
export function subscriptionKeyProblems(keys: { p256dh: string; auth: string }): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!isP256PublicKey(keys.p256dh)) problems["keys.p256dh"] = ["must be a P-256 public key in base64url (65 bytes)"];
  if (!isAuthSecret(keys.auth)) problems["keys.auth"] = ["must be a 16-byte secret in base64url"];
  return problems;
}
