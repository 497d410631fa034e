import "server-only";
// Throttling of password sign-ins (next-auth's Credentials provider and POST /api/v1/auth/token): after
// 5 failures for one username, or 20 from one address, within 15 minutes, further attempts are refused with
// RATE_LIMITED and the seconds until the oldest counted failure ages out. The failures live in the database
// (sign_in_failures), so a restart or a second server process does not reset them.
//
// An attempt is written down as a failure BEFORE its password is checked and taken back when it succeeds. So
// a burst of parallel guesses is counted as it arrives (the check-and-write is serialised per username and per
// address by advisory locks), not after the slow password checks have all run.
//
// A correct password does not get through a lock either: otherwise the lock would only slow the guessing
// down. The flip side, written down on purpose: anyone can lock a username for 15 minutes with 5 wrong
// passwords. Attempts refused by the throttle are not counted, so the lock ends on time.
import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { DomainError } from "@/lib/domain/errors";
import { inTransaction, type Tx } from "../transaction";

export const SIGN_IN_THROTTLE = { windowSeconds: 15 * 60, perUsername: 5, perAddress: 20 } as const;

type Scope = "username" | "address";
type Bucket = { scope: Scope; key: string; limit: number };

/** an attempt in progress: the rows that count it, until it is known to have succeeded */
export type SignInAttempt = { usernameKey: string; rowIds: string[] };

export function rateLimited(retryAfterSeconds: number): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(
    "RATE_LIMITED",
    `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds: seconds },
  );
}

/**
 * The username's bucket key: a hash, not the name itself. What people type into the username field is
 * sometimes their password; it is not kept in clear, and any text (however long or odd) makes a valid key.
 */
export function usernameKey(username: string): string {
  return createHash("sha256").update(username, "utf8").digest("hex");
}

/**
 * Counts the attempt against the username and the address, or refuses it (RATE_LIMITED) when either has
 * reached its limit within the window. Call attemptSucceeded() once the password is known to be right.
 */
export async function beginSignInAttempt(
  /** `address` as the request gave it (clientAddress()); it is counted by its bucket (addressKey()) */
  who: { username: string; address: string },
  now: Date = new Date(),
): Promise<SignInAttempt> {
  const buckets: Bucket[] = [
    { scope: "username", key: usernameKey(who.username), limit: SIGN_IN_THROTTLE.perUsername },
    { scope: "address", key: addressKey(who.address), limit: SIGN_IN_THROTTLE.perAddress },
  ];
  const cutoff = new Date(now.getTime() - SIGN_IN_THROTTLE.windowSeconds * 1000);
  return inTransaction(async (tx) => {
    // one attempt at a time per bucket; locks taken in one order, so two attempts cannot deadlock
    for (const bucket of [...buckets].sort((a, b) => lockName(a).localeCompare(lockName(b)))) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockName(bucket)}, 0))`;
    }
    let retryAfter = 0;
    for (const bucket of buckets) retryAfter = Math.max(retryAfter, await lockedFor(tx, bucket, cutoff, now));
    if (retryAfter > 0) throw rateLimited(retryAfter);

    const rows: { id: string }[] = [];
    for (const b of buckets) {
      rows.push(
        await tx.signInFailure.create({ data: { scope: b.scope, key: b.key, failedAt: now }, select: { id: true } }),
      );
    }
    await sweepExpired(tx, cutoff);
    return { usernameKey: buckets[0]!.key, rowIds: rows.map((r) => r.id) };
  });
}

/** the right password: this attempt was no failure, and the username's earlier failures are forgiven */
export async function attemptSucceeded(attempt: SignInAttempt): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.signInFailure.deleteMany({
      where: { OR: [{ id: { in: attempt.rowIds } }, { scope: "username", key: attempt.usernameKey }] },
    });
  });
  // The address's other failures stay: one valid account must not wash away guesses made at other usernames.
}

/** an attempt that never reached its password check (the line of hashes was full): it counts for nothing */
export async function abandonAttempt(attempt: SignInAttempt): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.signInFailure.deleteMany({ where: { id: { in: attempt.rowIds } } });
  });
}

function lockName(bucket: Bucket): string {
  return `pinit.sign-in:${bucket.scope}:${bucket.key}`;
}

/**
 * Seconds until the bucket may be tried again (0: now). With failures f1 ≥ f2 ≥ … (newest first), the bucket
 * is locked while `limit` of them lie within the window, that is until the limit-th newest leaves it.
 */
async function lockedFor(tx: Tx, bucket: Bucket, cutoff: Date, now: Date): Promise<number> {
  const row = await tx.signInFailure.findFirst({
    where: { scope: bucket.scope, key: bucket.key, failedAt: { gt: cutoff } },
    orderBy: { failedAt: "desc" },
    skip: bucket.limit - 1,
    select: { failedAt: true },
  });
  if (!row) return 0;
  const unlocksAt = row.failedAt.getTime() + SIGN_IN_THROTTLE.windowSeconds * 1000;
  return Math.max(0, (unlocksAt - now.getTime()) / 1000);
}

/** forget failures older than the window, a few at a time, skipping rows another attempt is working on */
async function sweepExpired(tx: Tx, cutoff: Date): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM sign_in_failures WHERE id IN (
      SELECT id FROM sign_in_failures WHERE "failedAt" <= ${cutoff} LIMIT 100 FOR UPDATE SKIP LOCKED)`;
}

// ---------------------------------------------------------------------------------------------
// The client's address
// ---------------------------------------------------------------------------------------------

/** where an attempt comes from: lib/auth/client-address.ts (TRUST_PROXY_HOPS) */
export { clientAddress } from "@/lib/auth/client-address";

/** an address as its bucket: IPv4 as it is, IPv6 by its /64 network, anything unreadable in one shared bucket */
export function addressKey(raw: string): string {
  let address = raw;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address); // [::1]:443
  if (bracketed) address = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.replace(/:\d+$/, ""); // 1.2.3.4:5678
  address = address.replace(/%.*$/, ""); // zone index fe80::1%eth0

  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1] as string;

  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${ipv6Network64(address)}::/64`;
  return "unknown";
}

/** the first four groups of an IPv6 address, expanded ("2001:db8:0:1") */
function ipv6Network64(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  // an embedded IPv4 tail (::1.2.3.4) stands for two groups; only the first four groups matter here
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes("::")
    ? [...headGroups, ...Array(Math.max(0, missing)).fill("0"), ...tailGroups]
    : headGroups;
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":");
}
