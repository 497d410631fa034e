import "server-only";
// Every write of Pinit runs in one of these transactions. Writes for one member are serialised by a lock on
// the member's row (taken first by `lockMember`), so checks and the writes they guard see one consistent state:
// "one running schedule", the dependency graph's acyclicity and idempotency keys all hold under concurrency.
import { db } from "@/lib/db/client";
import { sqlState } from "@/lib/db/errors";
import { notFound } from "@/lib/domain/errors";
import { keyedTransaction, unclaimedIdempotencyKey } from "./idempotency";
import type { Tx } from "./tx";

export type { Tx };

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock detected, serialization failure

export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  // under a request's Idempotency-Key, its first transaction is the one that answers once (./idempotency.ts)
  const keyed = unclaimedIdempotencyKey();
  if (keyed) return keyedTransaction(keyed, runTransaction, work);
  return runTransaction(work);
}

async function runTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // No isolationLevel: PostgreSQL's default, READ COMMITTED, is what the locks above assume, and naming it
      // costs a SET TRANSACTION round trip per write (npm run bench). A server set to a stricter default raises
      // 40001 where READ COMMITTED would wait, and that is retried below.
      return await db().$transaction(work, {
        // the embedded database has one connection: a burst of requests waits its turn instead of failing
        maxWait: 30_000,
        timeout: 30_000,
      });
    } catch (e) {
      // nothing was committed, so the whole transaction can run again
      if (attempt < 3 && RETRYABLE.has(sqlState(e) ?? "")) continue;
      throw e;
    }
  }
}

/** lock the member's row for this transaction (NO KEY UPDATE: rows that reference the member can still be written) */
export async function lockMember(
  tx: Tx,
  memberId: string,
): Promise<{ id: string; timezone: string; dailyGoalMinutes: number }> {
  const rows = await tx.$queryRaw<{ id: string; timezone: string; dailyGoalMinutes: number }[]>`
    SELECT id, timezone, "dailyGoalMinutes" FROM members WHERE id = ${memberId}::uuid FOR NO KEY UPDATE`;
  const member = rows[0];
  if (!member) throw notFound("Member");
  return member;
}

/** the SQLSTATE of a database error, wherever the driver adapter put it (re-exported: services import it from here) */
export { sqlState };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);
/** ids come from URLs and forms: anything that is not a uuid cannot name a row, so it is NOT_FOUND (never a 500) */
export function assertId(id: string, what: string): void {
  if (!UUID.test(id)) throw notFound(what);
}
