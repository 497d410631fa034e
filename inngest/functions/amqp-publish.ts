// The AMQP channel of the outbox: publishes every event to the broker's exchange (lib/services/outbox/amqp.ts),
// never from the request path. Runs every minute, and soon after each domain event reaches Inngest. One run at a
// time: a run that would start while another is under way (or waiting for its retry) is skipped, since that one
// drains everything, so a long outage does not pile up queued runs (the rows are leased with SKIP LOCKED anyway:
// replicas never publish one row twice in a sweep). A broker that is down fails the step: Inngest retries it with
// its back-off, each row keeps its own back-off in the outbox, and nothing is lost meanwhile. Without AMQP_URL it
// does nothing.
import { amqpPublisher, publishOutboxToAmqp } from "@/lib/services/outbox/amqp";
import { inngest } from "../client";

export const amqpPublish = inngest.createFunction(
  {
    id: "outbox-amqp-publish",
    triggers: [
      { cron: "* * * * *" },
      { event: "member.*" },
      { event: "task.*" },
      { event: "schedule.*" },
      { event: "goal.*" },
    ],
    singleton: { mode: "skip" },
    retries: 3,
  },
  async ({ step }) =>
    step.run("publish-to-amqp", async () => {
      const publisher = amqpPublisher();
      if (!publisher) return { sent: 0, failed: 0, batches: 0, skipped: "AMQP_URL is not set" };
      const result = await publishOutboxToAmqp(publisher);
      if (result.failed > 0)
        throw new Error(`AMQP: ${result.failed} event(s) not confirmed by the broker, left for a retry`);
      return result;
    }),
);
