import "server-only";
// The outbox sweep: sends whatever is still unsent, oldest first, in batches.
// Each batch is leased in a short transaction (FOR UPDATE SKIP LOCKED, so concurrent sweeps take different rows),
// sent with no transaction open, then marked sent. A crash after sending leaves the lease to expire and the rows
// are sent again: delivery is at least once, and the event id makes every consumer see it once.
// Each channel (Inngest, the AMQP exchange) has its own columns of delivery state, so one that is down never holds
// back the other.
import type { EventType } from "@/lib/domain/events";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
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

/** where each channel keeps its delivery state in outbox_events (fixed identifiers, never input) */
const CHANNELS = {
  inngest: { sentAt: '"sentAt"', attempts: "attempts", nextAttemptAt: '"nextAttemptAt"', lastError: '"lastError"' },
  amqp: {
    sentAt: '"amqpSentAt"',
    attempts: '"amqpAttempts"',
    nextAttemptAt: '"amqpNextAttemptAt"',
    lastError: '"amqpLastError"',
  },
} as const;
export type OutboxChannel = keyof typeof CHANNELS;

function columns(channel: OutboxChannel) {
  const c = CHANNELS[channel];
  return {
    sentAt: Prisma.raw(c.sentAt),
    attempts: Prisma.raw(c.attempts),
    nextAttemptAt: Prisma.raw(c.nextAttemptAt),
    lastError: Prisma.raw(c.lastError),
  };
}

export type DrainResult = { sent: number; failed: number; batches: number };

export async function drainOutbox(
  send: SendMessages,
  options: { batchSize?: number; maxBatches?: number; now?: () => Date; channel?: OutboxChannel } = {},
): Promise<DrainResult> {
  const channel = options.channel ?? "inngest";
  const batchSize = options.batchSize ?? 200;
  const maxBatches = options.maxBatches ?? 50;
  const now = options.now ?? (() => new Date());
  const result: DrainResult = { sent: 0, failed: 0, batches: 0 };
  while (result.batches < maxBatches) {
    const batch = await leaseBatch(channel, batchSize, now());
    if (batch.length === 0) break;
    result.batches++;
    try {
      await send(batch);
      await markSent(
        batch.map((m) => m.id),
        now(),
        channel,
      );
      result.sent += batch.length;
    } catch (e) {
      await markFailed(
        channel,
        batch.map((m) => m.id),
        e,
        now(),
      );
      result.failed += batch.length;
      break; // the transport is down: the next sweep tries again after the back-off
    }
  }
  return result;
}

async function leaseBatch(channel: OutboxChannel, size: number, now: Date): Promise<OutboxMessage[]> {
  const c = columns(channel);
  return inTransaction(async (tx) => {
    const rows = await tx.$queryRaw<
      {
        id: string;
        type: EventType;
        occurredAt: Date;
        memberId: string;
        scheduleId: string | null;
        taskId: string | null;
        goalId: string | null;
      }[]
    >`
      SELECT id, type, "occurredAt", "memberId", "scheduleId", "taskId", "goalId" FROM outbox_events
      WHERE ${c.sentAt} IS NULL AND ${c.nextAttemptAt} <= ${now}
      ORDER BY sequence LIMIT ${size} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return [];
    await tx.$executeRaw`
      UPDATE outbox_events SET ${c.attempts} = ${c.attempts} + 1, ${c.nextAttemptAt} = ${new Date(now.getTime() + LEASE_MS)}
      WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
    return rows.map(toMessage);
  });
}

export async function markSent(
  ids: readonly string[],
  now = new Date(),
  channel: OutboxChannel = "inngest",
): Promise<void> {
  if (ids.length === 0) return;
  const c = columns(channel);
  await db()
    .$executeRaw`UPDATE outbox_events SET ${c.sentAt} = ${now}, ${c.lastError} = NULL WHERE id = ANY(${[...ids]}::uuid[]) AND ${c.sentAt} IS NULL`;
}

/** a failed row waits 5 s, 10 s, 20 s … (doubling with its attempts) up to an hour before the next try */
async function markFailed(channel: OutboxChannel, ids: readonly string[], error: unknown, now: Date): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const c = columns(channel);
  await db().$executeRaw`
    UPDATE outbox_events
    SET ${c.nextAttemptAt} = ${now}::timestamptz + make_interval(secs => least(5 * power(2, greatest(${c.attempts} - 1, 0)), 3600)),
        ${c.lastError} = ${message}
    WHERE id = ANY(${[...ids]}::uuid[]) AND ${c.sentAt} IS NULL`;
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
