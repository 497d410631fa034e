// The one bounded line of password hashes: a few run, a few wait, the rest are refused at once with Retry-After.
import { describe, expect, it } from "vitest";
import { HashQueue, HashQueueFull } from "@/lib/auth/hash-queue";
import { signUpLimitPerHour } from "@/lib/services/members/sign-up-limit";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("HashQueue", () => {
  it("runs `concurrency` at once, queues `maxWaiting`, and refuses the next with RATE_LIMITED and a retry time", async () => {
    const queue = new HashQueue(1, 2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0]);
    expect(queue.size).toEqual({ running: 1, waiting: 2 });

    const refused = await queue.run(async () => "never").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HashQueueFull);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: expect.any(Number) } });
    expect((refused as HashQueueFull).details.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(started).toEqual([0, 1, 2]);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
    // the line is free again
    expect(await queue.run(async () => "again")).toBe("again");
  });

  it("frees the slot when the work fails", async () => {
    const queue = new HashQueue(1, 0);
    await expect(queue.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await queue.run(async () => 1)).toBe(1);
  });
});

describe("signUpLimitPerHour", () => {
  it("is 10 by default, 0 turns it off, anything unreadable is the default", () => {
    expect(signUpLimitPerHour({})).toBe(10);
    expect(signUpLimitPerHour({ SIGNUP_LIMIT_PER_HOUR: "0" })).toBe(0);
    expect(signUpLimitPerHour({ SIGNUP_LIMIT_PER_HOUR: "25" })).toBe(25);
    expect(signUpLimitPerHour({ SIGNUP_LIMIT_PER_HOUR: "-3" })).toBe(10);
  });
});
