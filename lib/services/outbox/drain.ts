import "server-only";
// The outbox sweep: sends whatever is still unsent, oldest first, in batches.
// Each batch is leased in a short transaction (FOR UPDATE SKIP LOCKED, so concurrent sweeps take different rows),
// sent with no transaction open, then marked sent. A crash after sending leaves the lease to expire and the rows
// are sent again: delivery is at least once, and the event id makes every consumer see it once.
import type { EventType } from "@/lib/domain/events";
import { db } from "@/lib/db/client";
import { inTransaction } from "../transaction";

/** an outbox row as it leaves the database: ids only (domain.md) */
export type OutboxMessage = {
  id: string;
  type: EventType;
  occurredAt: string;
  memberId: string;
  scheduleId?: string;
  taskId?: string;
  goalId?: string;
};

export type SendMessages = (messages: readonly OutboxMessage[]) => Promise<void>;

const LEASE_MS = 60_000;

export type DrainResult = { sent: number; failed: number; batches: number };

export async function drainOutbox(
  send: SendMessages,
  options: { batchSize?: number; maxBatches?: number; now?: () => Date } = {},
): Promise<DrainResult> {
  const batchSize = options.batchSize ?? 200;
  const maxBatches = options.maxBatches ?? 50;
  const now = options.now ?? (() => new Date());
  const result: DrainResult = { sent: 0, failed: 0, batches: 0 };
  while (result.batches < maxBatches) {
    const batch = await leaseBatch(batchSize, now());
    if (batch.length === 0) break;
    result.batches++;
    try {
      await send(batch);
      await markSent(batch.map((m) => m.id), now());
      result.sent += batch.length;
    } catch (e) {
      await markFailed(batch.map((m) => m.id), e, now());
      result.failed += batch.length;
      break; // the transport is down: the next sweep tries again after the back-off
    }
  }
  return result;
}

async function leaseBatch(size: number, now: Date): Promise<OutboxMessage[]> {
  return inTransaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: string; type: EventType; occurredAt: Date; memberId: string; scheduleId: string | null; taskId: string | null; goalId: string | null }[]
    >`
      SELECT id, type, "occurredAt", "memberId", "scheduleId", "taskId", "goalId" FROM outbox_events
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ${now}
      ORDER BY sequence LIMIT ${size} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return [];
    await tx.$executeRaw`
      UPDATE outbox_events SET attempts = attempts + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
      WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
    return rows.map(toMessage);
  });
}

export async function markSent(ids: readonly string[], now = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db().$executeRaw`UPDATE outbox_events SET "sentAt" = ${now}, "lastError" = NULL WHERE id = ANY(${[...ids]}::uuid[]) AND "sentAt" IS NULL`;
}

/** a failed row waits 5 s, 10 s, 20 s … (doubling with its attempts) up to an hour before the next try */
async function markFailed(ids: readonly string[], error: unknown, now: Date): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  await db().$executeRaw`
    UPDATE outbox_events
    SET "nextAttemptAt" = ${now}::timestamptz + make_interval(secs => least(5 * power(2, greatest(attempts - 1, 0)), 3600)),
        "lastError" = ${message}
    WHERE id = ANY(${[...ids]}::uuid[]) AND "sentAt" IS NULL`;
}

export function toMessage(r: {
  id: string;
  type: EventType;
  occurredAt: Date;
  memberId: string;
  scheduleId: string | null;
  taskId: string | null;
  goalId?: string | null;
}): OutboxMessage {
  return {
    id: r.id,
    type: r.type,
    occurredAt: r.occurredAt.toISOString(),
    memberId: r.memberId,
    ...(r.scheduleId ? { scheduleId: r.scheduleId } : {}),
    ...(r.taskId ? { taskId: r.taskId } : {}),
    ...(r.goalId ? { goalId: r.goalId } : {}),
  };
}
