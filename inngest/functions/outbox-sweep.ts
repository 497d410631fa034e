// Every minute, send whatever the after-commit relay did not (a crash, Inngest unreachable for a while), and
// delete the idempotency records that have expired (kept out of each keyed request's transaction).
import { sweepExpiredIdempotencyRecords } from "@/lib/services/idempotency-sweep";
import { drainOutbox } from "@/lib/services/outbox/drain";
import { inngest } from "../client";
import { sendToInngest } from "../relay";

export const outboxSweep = inngest.createFunction(
  { id: "outbox-sweep", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const drained = await step.run("drain-outbox", () => drainOutbox(sendToInngest));
    const expiredIdempotencyRecords = await step.run("expire-idempotency-records", () =>
      sweepExpiredIdempotencyRecords(),
    );
    return { ...drained, expiredIdempotencyRecords };
  },
);
