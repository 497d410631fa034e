import "server-only";
// Idempotency keys: the first answer to a member's key, success or typed refusal, is stored in the same
// transaction as the effect it answers and returned again for every repeat.
//
// The claim is an INSERT … ON CONFLICT DO NOTHING on (member, key). A repeat that arrives while the first
// request is still running blocks on that row's uncommitted insert, so it waits for the first to finish and
// then reads its answer: never a second effect, never a refusal for the overlap.
//
// One mechanism for every route that takes a key: the HTTP wrapper runs the route under the request's key
// (`underIdempotencyKey`), and the first transaction that route's service commits (`inTransaction`) is the one
// that claims it and stores its value. No service needs to know about keys; what a keyed transaction returns must
// be plain JSON (a view), since a repeat gets the stored copy instead of running it.
import { AsyncLocalStorage } from "node:async_hooks";
import { DomainError, isDomainError } from "@/lib/domain/errors";
import { IDEMPOTENCY_TTL_HOURS } from "@/lib/domain/limits";
import type { Tx } from "./tx";

export type IdempotencyRequest = { key: string; fingerprint: string };

export type Outcome<T> =
  { ok: true; value: T; replayed: boolean } | { ok: false; error: DomainError; replayed: boolean };

type StoredAnswer<T> =
  { ok: true; value: T } | { ok: false; code: DomainError["code"]; message: string; details: Record<string, unknown> };

/**
 * Runs `work` once per (member, key). Refusals are stored too: `work` runs inside a savepoint, so a refusal
 * rolls back anything it wrote and the stored refusal commits alone.
 */
export async function idempotent<T>(
  tx: Tx,
  memberId: string,
  request: IdempotencyRequest | undefined,
  work: () => Promise<T>,
): Promise<Outcome<T>> {
  if (!request) return { ok: true, value: await work(), replayed: false };

  await tx.$executeRaw`
    DELETE FROM idempotency_records
    WHERE "memberId" = ${memberId}::uuid AND key = ${request.key}
      AND "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
  const claimed = await tx.$executeRaw`
    INSERT INTO idempotency_records ("memberId", key, fingerprint, body)
    VALUES (${memberId}::uuid, ${request.key}, ${request.fingerprint}, 'null'::jsonb)
    ON CONFLICT ("memberId", key) DO NOTHING`;

  if (claimed === 0) return replay<T>(tx, memberId, request);

  await tx.$executeRawUnsafe("SAVEPOINT idempotent_work");
  let answer: StoredAnswer<T>;
  let outcome: Outcome<T>;
  try {
    const value = await work();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT idempotent_work");
    answer = { ok: true, value };
    outcome = { ok: true, value, replayed: false };
  } catch (e) {
    if (!isDomainError(e)) throw e; // a bug or an outage: nothing is stored, the whole transaction rolls back
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT idempotent_work");
    answer = { ok: false, code: e.code, message: e.message, details: e.details };
    outcome = { ok: false, error: e, replayed: false };
  }
  await tx.$executeRaw`
    UPDATE idempotency_records SET body = ${JSON.stringify(answer)}::jsonb
    WHERE "memberId" = ${memberId}::uuid AND key = ${request.key}`;
  return outcome;
}

async function replay<T>(tx: Tx, memberId: string, request: IdempotencyRequest): Promise<Outcome<T>> {
  const record = await tx.idempotencyRecord.findUnique({
    where: { memberId_key: { memberId, key: request.key } },
  });
  if (!record || record.fingerprint !== request.fingerprint) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request.", {
      fieldErrors: { "Idempotency-Key": ["was already used for a different request"] },
    });
  }
  const answer = record.body as unknown as StoredAnswer<T>;
  if (answer.ok) return { ok: true, value: answer.value, replayed: true };
  return { ok: false, error: new DomainError(answer.code, answer.message, answer.details), replayed: true };
}

// ---------------------------------------------------------------------------------------------
// The request's key, for its first transaction
// ---------------------------------------------------------------------------------------------

/** one request's key, and what became of it */
export type KeyedRequest = {
  memberId: string;
  request: IdempotencyRequest;
  /** set once a transaction has claimed the key (committed); later transactions of the request run unkeyed */
  claimed: boolean;
  /** a transaction is claiming it now: another one started meanwhile (nested, or beside it) runs unkeyed */
  claiming?: boolean;
  /** the answer was the stored one of an earlier request with this key */
  replayed: boolean;
};

const pendingKey = new AsyncLocalStorage<KeyedRequest>();

/** runs `call` (a route's work) so that the first transaction it commits answers once per (member, key) */
export function underIdempotencyKey<T>(keyed: KeyedRequest, call: () => Promise<T>): Promise<T> {
  return pendingKey.run(keyed, call);
}

/** the key the current request has not yet spent on a transaction, if any */
export function unclaimedIdempotencyKey(): KeyedRequest | undefined {
  const keyed = pendingKey.getStore();
  return keyed && !keyed.claimed && !keyed.claiming ? keyed : undefined;
}

/**
 * `work` as the keyed transaction of `keyed`: `runTransaction` runs one transaction (with its retries), in which
 * the key is claimed and the value or refusal stored; a refusal is thrown after the commit that stored it.
 */
export async function keyedTransaction<T>(
  keyed: KeyedRequest,
  runTransaction: (work: (tx: Tx) => Promise<Outcome<T>>) => Promise<Outcome<T>>,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  keyed.claiming = true;
  let outcome: Outcome<T>;
  try {
    outcome = await runTransaction((tx) => idempotent(tx, keyed.memberId, keyed.request, () => work(tx)));
  } finally {
    keyed.claiming = false;
  }
  keyed.claimed = true;
  keyed.replayed = outcome.replayed;
  if (!outcome.ok) {
    outcome.error.replayed = outcome.replayed;
    throw outcome.error;
  }
  return outcome.value;
}
