// The v7 ids that raw inserts give work sessions, like Prisma's @default(uuid(7)): version 7, variant 10, and the
// millisecond timestamp in the first 48 bits (so they sort by creation as Prisma's do).
import { describe, expect, it } from "vitest";
import { uuidv7 } from "@/lib/services/uuid7";

describe("uuidv7", () => {
  it("is a version 7, variant 10 uuid carrying the millisecond timestamp", () => {
    const ms = Date.UTC(2026, 11, 7, 14, 0, 0, 123);
    const id = uuidv7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(ms);
  });

  it("sorts by time and differs within one millisecond", () => {
    expect(uuidv7(1_000) < uuidv7(2_000)).toBe(true);
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(5_000)));
    expect(ids.size).toBe(1000);
  });
});
