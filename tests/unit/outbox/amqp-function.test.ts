// What the AMQP publish function registers with Inngest: when it runs, one run at a time, with retries.
import { describe, expect, it } from "vitest";
import { amqpPublish } from "@/inngest/functions/amqp-publish";
import { EVENT_TYPES } from "@/lib/domain/events";

// getConfig is what the SDK registers with Inngest; it is not public API, so it is reached through a cast
type Registration = {
  triggers?: { cron?: string; event?: string }[];
  singleton?: unknown;
  steps?: Record<string, { retries?: { attempts?: number } }>;
};
const registered = amqpPublish as unknown as { getConfig(o: { baseUrl: URL; appPrefix: string }): Registration[] };
const config = registered.getConfig({ baseUrl: new URL("http://127.0.0.1:3000/api/inngest"), appPrefix: "pinit" })[0]!;

describe("the AMQP publish function", () => {
  it("runs every minute and after every domain event reaches Inngest", () => {
    expect(config.triggers).toEqual([
      { cron: "* * * * *" },
      { event: "member.*" },
      { event: "task.*" },
      { event: "schedule.*" },
      { event: "goal.*" },
    ]);
    const prefixes = config.triggers!.flatMap((t) => (t.event ? [t.event.slice(0, -1)] : []));
    for (const type of EVENT_TYPES)
      expect(
        prefixes.some((p) => type.startsWith(p)),
        type,
      ).toBe(true);
  });

  it("runs one at a time (a run that would start beside another is skipped), and a failed step is retried", () => {
    expect(config.singleton).toEqual({ mode: "skip" });
    expect(Object.values(config.steps!)[0]!.retries?.attempts).toBeGreaterThanOrEqual(3);
  });
});
