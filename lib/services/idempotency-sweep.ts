import "server-only";
// Expired idempotency records are deleted here, by the minute's sweep (inngest/functions/outbox-sweep.ts), not
// by each keyed request: a request that reuses an expired key takes its record over in its claim
// (./idempotency.ts), so what this deletes is only what nobody asked for again.
import { IDEMPOTENCY_TTL_HOURS } from "@/lib/domain/limits";
import { inTransaction } from "./transaction";

/** deletes every idempotency record older than the TTL; answers how many */
export async function sweepExpiredIdempotencyRecords(): Promise<number> {
  // a record that a request takes over meanwhile is fresh again when this statement re-reads it, so it stays
  return inTransaction(
    (tx) => tx.$executeRaw`
      DELETE FROM idempotency_records
      WHERE "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
  );
}
