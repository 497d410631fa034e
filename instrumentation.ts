// Runs once when the server starts. With Inngest configured (an event key, or INNGEST_DEV pointing at a dev
// server), events are relayed right after their transaction commits. Without it they wait in the outbox, and
// the sweep sends them once Inngest runs: trying to send to nothing after every commit would only add latency.
// With Inngest off (production without a signing key, inngest/mode.ts) nothing is sent and the log says so once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { inngestMode, reminderStatusLine } = await import("@/inngest/mode");
  const mode = inngestMode();
  const off = reminderStatusLine(mode);
  if (off) {
    console.warn(off);
    return;
  }
  if (!process.env.INNGEST_EVENT_KEY && !process.env.INNGEST_DEV) return;
  const { registerOutboxSender } = await import("@/lib/services/outbox/relay");
  const { sendToInngest } = await import("@/inngest/relay");
  registerOutboxSender(sendToInngest);
}
