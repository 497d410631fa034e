// Runs once when the server starts. With Inngest configured (an event key, or INNGEST_DEV pointing at a dev
// server), events are relayed right after their transaction commits. Without it they wait in the outbox, and
// the sweep sends them once Inngest runs: trying to send to nothing after every commit would only add latency.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (!process.env.INNGEST_EVENT_KEY && !process.env.INNGEST_DEV) return;
  const { registerOutboxSender } = await import("@/lib/services/outbox/relay");
  const { sendToInngest } = await import("@/inngest/relay");
  registerOutboxSender(sendToInngest);
}
