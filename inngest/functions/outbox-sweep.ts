// Every minute, send whatever the after-commit relay did not (a crash, Inngest unreachable for a while).
import { drainOutbox } from "@/lib/services/outbox/drain";
import { inngest } from "../client";
import { sendToInngest } from "../relay";

export const outboxSweep = inngest.createFunction(
  { id: "outbox-sweep", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("drain-outbox", () => drainOutbox(sendToInngest)),
);
