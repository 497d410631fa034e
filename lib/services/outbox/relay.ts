import "server-only";
// Relaying the outbox right after a transaction commits: its events go to the registered sender (Inngest, see
// inngest/relay.ts) and are marked sent. Until a sender is registered, or when a send fails, the events simply
// wait in the outbox for the sweep (drain.ts): nothing is lost.
import type { DomainEvent } from "@/lib/domain/events";
import { markSent, toMessage, type SendMessages } from "./drain";

let sender: SendMessages | undefined;

/** called once at start-up by the relay's owner */
export function registerOutboxSender(send: SendMessages | undefined): void {
  sender = send;
}

/** fire-and-forget after commit: a failed send leaves the rows unsent for the sweep */
export function relayAfterCommit(events: readonly DomainEvent[]): void {
  void relayNow(events);
}

/** the same, awaitable (tests, scripts) */
export async function relayNow(events: readonly DomainEvent[]): Promise<boolean> {
  if (!sender || events.length === 0) return false;
  try {
    await sender(
      events.map((e) =>
        toMessage({ ...e, scheduleId: e.scheduleId ?? null, taskId: e.taskId ?? null, goalId: e.goalId ?? null }),
      ),
    );
    await markSent(events.map((e) => e.id));
    return true;
  } catch (e) {
    console.warn(`outbox: ${events.length} event(s) left for the sweep: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
