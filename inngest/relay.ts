// Outbox rows become Inngest events. The outbox id is the event id, so Inngest ignores a second send of the
// same row (for 24 hours) and each consumer runs once per event.
import type { OutboxMessage } from "@/lib/services/outbox/drain";
import { inngest } from "./client";

export async function sendToInngest(messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await inngest.send(messages.map((m) => ({ id: m.id, name: m.type, data: { ...m }, ts: Date.parse(m.occurredAt) })));
}
