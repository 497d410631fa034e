// /api/inngest fails closed: in production without INNGEST_SIGNING_KEY nobody can run a function by POSTing
// made-up steps (the SDK's dev mode, once the fallback for a missing key, skips signature checks).
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTestMember } from "../support/fixtures";

vi.mock("@/lib/services/push/send-reminder", () => ({
  sendReminder: vi.fn(async () => ({ delivered: 1, removed: 0, retryable: 0 })),
}));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** the route module as a server started with this environment loads it */
async function routeUnder(env: Record<string, string>) {
  vi.resetModules();
  for (const key of ["INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"]) vi.stubEnv(key, "");
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return import("@/app/api/inngest/route");
}

/** what Inngest sends to run one step of the reminder; here with a made-up schedule and made-up step output */
function forgedRun(scheduleId: string) {
  const event = { name: "schedule.created", id: "forged", data: { scheduleId }, ts: Date.now() };
  const body = {
    event,
    events: [event],
    steps: {},
    ctx: {
      run_id: "01FORGED",
      attempt: 0,
      disable_immediate_execution: true,
      use_api: false,
      stack: { stack: [], current: 0 },
    },
    version: 1,
  };
  return new Request("http://pinit.test/api/inngest?fnId=pinit-schedule-reminder&stepId=step", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("/api/inngest", () => {
  it("refuses every call (503) in production without a signing key, and runs nothing", async () => {
    const { POST, GET, PUT } = await routeUnder({ NODE_ENV: "production" });
    const member = await createTestMember();
    const answer = await POST(forgedRun(member.id), undefined);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({
      error: { code: "UNAVAILABLE", message: expect.stringMatching(/INNGEST_SIGNING_KEY/) },
    });
    expect((await GET(new Request("http://pinit.test/api/inngest"), undefined)).status).toBe(503);
    expect((await PUT(new Request("http://pinit.test/api/inngest", { method: "PUT" }), undefined)).status).toBe(503);
  });

  it("with a signing key, refuses an unsigned call", async () => {
    const { POST } = await routeUnder({
      NODE_ENV: "production",
      INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef0123456789abcdef",
    });
    const member = await createTestMember();
    const answer = await POST(forgedRun(member.id), undefined);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(await answer.text()).not.toContain(member.id);
  });

  it("runs the function in dev mode only when asked for (INNGEST_DEV=1)", async () => {
    const { POST } = await routeUnder({ NODE_ENV: "production", INNGEST_DEV: "1" });
    const answer = await POST(forgedRun("0193a0b0-0000-7000-8000-000000000000"), undefined);
    // dev mode does run it: that is why dev mode must be asked for
    expect(answer.status).toBeLessThan(500);
  });
});
