// Relaying the outbox: right after a transaction commits, its events are handed to the sender (Inngest, wired
// in inngest/); a periodic sweep sends whatever is still unsent. Until a sender is registered the events simply
// wait in the outbox: nothing is lost, and the sweep picks them up later.
import type { DomainEvent } from "@/lib/domain/events";

export type OutboxSender = (events: readonly DomainEvent[]) => Promise<void>;

let afterCommit: OutboxSender | undefined;

/** called once at start-up by the relay's owner */
export function registerAfterCommitRelay(sender: OutboxSender): void {
  afterCommit = sender;
}

/** fire-and-forget: a failed send leaves the rows unsent for the sweep */
export function relayAfterCommit(events: readonly DomainEvent[]): void {
  if (!afterCommit || events.length === 0) return;
  afterCommit(events).catch((e: unknown) => {
    console.warn(`outbox: ${events.length} event(s) left for the sweep: ${e instanceof Error ? e.message : String(e)}`);
  });
}
