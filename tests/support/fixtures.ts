// Test data made directly in the database (sign-up has its own tests; most tests only need a member).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

export async function createTestMember(overrides: { timezone?: string; dailyGoalMinutes?: number } = {}) {
  const username = `m_${randomBytes(6).toString("hex")}`;
  return db().member.create({
    data: { username, passwordHash: "test-only:not-a-hash", nickname: "tester", ...overrides },
  });
}

export const at = (iso: string) => new Date(iso);

/** the outbox events of a member, oldest first */
export async function outboxOf(memberId: string) {
  return db().outboxEvent.findMany({ where: { memberId }, orderBy: { sequence: "asc" } });
}

/** what a refused call threw (fails the test if it did not throw) */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; details: Record<string, unknown>; replayed?: boolean }> {
  try {
    await promise;
  } catch (e) {
    return e as { code: string; details: Record<string, unknown> };
  }
  throw new Error("expected a refusal, but the call succeeded");
}
