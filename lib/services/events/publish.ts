import "server-only";
// Publishing a domain event = appending it to the outbox in the caller's transaction and handing it to the
// in-process subscribers, which update projections in that same transaction. Relaying the outbox to Inngest
// happens after commit (lib/services/outbox), so a crash in between loses nothing.
import { randomUUID } from "node:crypto";
import type { DomainEvent, EventType } from "@/lib/domain/events";
import type { Tx } from "../transaction";
import { projectStatistics, type StatisticsFacts } from "../statistics/projection";

/** in-process facts that travel with an event to the subscribers (never to the outbox: events carry only ids) */
export type EventFacts = { statistics?: StatisticsFacts };
export type PublishedEvent = DomainEvent & { facts?: EventFacts };

export function newEvent(
  type: EventType,
  subject: { memberId: string; scheduleId?: string; taskId?: string; goalId?: string },
  occurredAt: Date,
  facts?: EventFacts,
): PublishedEvent {
  return { id: randomUUID(), type, occurredAt, ...subject, facts };
}

type Subscriber = (tx: Tx, event: PublishedEvent) => Promise<void>;
const subscribers: Subscriber[] = [projectStatistics];

export async function publish(tx: Tx, events: readonly PublishedEvent[]): Promise<DomainEvent[]> {
  if (events.length === 0) return [];
  await tx.outboxEvent.createMany({
    data: events.map((e) => ({
      id: e.id,
      type: e.type,
      memberId: e.memberId,
      scheduleId: e.scheduleId ?? null,
      taskId: e.taskId ?? null,
      goalId: e.goalId ?? null,
      occurredAt: e.occurredAt,
    })),
  });
  for (const event of events) for (const subscriber of subscribers) await subscriber(tx, event);
  // the facts were for the subscribers only: what leaves here is the event itself
  return events.map((e): DomainEvent => ({
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt,
    memberId: e.memberId,
    ...(e.scheduleId ? { scheduleId: e.scheduleId } : {}),
    ...(e.taskId ? { taskId: e.taskId } : {}),
    ...(e.goalId ? { goalId: e.goalId } : {}),
  }));
}
