import "server-only";
// The hourly limit of sign-ups per address (SIGNUP_LIMIT_PER_HOUR, default 10; 0 turns it off for benchmarks
// and test rigs, which sign up many members from one address). Every attempt that gets as far as the service is
// counted, a taken username too: each one would cost a password hash, and names must not be probed for free.
// Kept in the database (sign_up_attempts), like the sign-in throttle, so a restart does not reset it.
import { DomainError } from "@/lib/domain/errors";
import { inTransaction } from "../transaction";
import { addressKey } from "./sign-in-throttle";

export const SIGN_UP_WINDOW_SECONDS = 60 * 60;
const DEFAULT_LIMIT = 10;

/** SIGNUP_LIMIT_PER_HOUR as a whole number (0: no limit); unset or unreadable: 10 */
export function signUpLimitPerHour(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SIGNUP_LIMIT_PER_HOUR?.trim();
  if (!raw || !/^\d{1,6}$/.test(raw)) return DEFAULT_LIMIT;
  return Number(raw);
}

export function tooManySignUps(retryAfterSeconds: number): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(
    "RATE_LIMITED",
    `Too many sign-ups from this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds: seconds },
  );
}

/** counts a sign-up attempt from `address` (clientAddress()), or refuses it when the hour's limit is reached */
export async function countSignUpAttempt(
  address: string,
  now: Date = new Date(),
  limit = signUpLimitPerHour(),
): Promise<void> {
  if (limit <= 0) return;
  const key = addressKey(address);
  const cutoff = new Date(now.getTime() - SIGN_UP_WINDOW_SECONDS * 1000);
  await inTransaction(async (tx) => {
    // one attempt at a time per address, so a burst is counted as it arrives
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pinit.sign-up:${key}`}, 0))`;
    const limiting = await tx.signUpAttempt.findFirst({
      where: { key, attemptedAt: { gt: cutoff } },
      orderBy: { attemptedAt: "desc" },
      skip: limit - 1,
      select: { attemptedAt: true },
    });
    if (limiting) {
      const retryAfter = (limiting.attemptedAt.getTime() + SIGN_UP_WINDOW_SECONDS * 1000 - now.getTime()) / 1000;
      if (retryAfter > 0) throw tooManySignUps(retryAfter);
    }
    await tx.signUpAttempt.create({ data: { key, attemptedAt: now }, select: { id: true } });
    // forget attempts older than the window, a few at a time
    await tx.$executeRaw`
      DELETE FROM sign_up_attempts WHERE id IN (
        SELECT id FROM sign_up_attempts WHERE "attemptedAt" <= ${cutoff} LIMIT 100 FOR UPDATE SKIP LOCKED)`;
  });
}
