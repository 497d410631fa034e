// When the Inngest SDK may skip signature checks (dev mode), and when /api/inngest is off.
import { describe, expect, it } from "vitest";
import { inngestMode, reminderStatusLine } from "@/inngest/mode";

describe("inngestMode", () => {
  it("is off in production without a signing key (the SDK's dev mode would skip signature checks)", () => {
    expect(inngestMode({ NODE_ENV: "production" }).kind).toBe("off");
    expect(inngestMode({ NODE_ENV: "production", INNGEST_EVENT_KEY: "k" }).kind).toBe("off");
    expect(inngestMode({ NODE_ENV: "production", INNGEST_DEV: "0" }).kind).toBe("off");
    expect(inngestMode({ NODE_ENV: "production", INNGEST_DEV: "" }).kind).toBe("off");
    expect(inngestMode({ NODE_ENV: "test" }).kind).toBe("off");
  });

  it("is dev only when asked for: INNGEST_DEV, or next dev (NODE_ENV=development)", () => {
    expect(inngestMode({ NODE_ENV: "production", INNGEST_DEV: "1" }).kind).toBe("dev");
    expect(inngestMode({ NODE_ENV: "production", INNGEST_DEV: "http://localhost:8288" }).kind).toBe("dev");
    expect(inngestMode({ NODE_ENV: "development" }).kind).toBe("dev");
  });

  it("verifies signatures (cloud) with a signing key", () => {
    expect(inngestMode({ NODE_ENV: "production", INNGEST_SIGNING_KEY: "signkey-prod-abc" }).kind).toBe("cloud");
  });

  it("says once, plainly, that reminders are off and why", () => {
    const line = reminderStatusLine(inngestMode({ NODE_ENV: "production" }));
    expect(line).toMatch(/Reminders are off: INNGEST_SIGNING_KEY is not set/);
    expect(line?.split("\n")).toHaveLength(1);
    expect(reminderStatusLine(inngestMode({ NODE_ENV: "production", INNGEST_SIGNING_KEY: "x" }))).toBeNull();
  });
});
