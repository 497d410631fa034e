import "server-only";
// Password sign-in, for next-auth's Credentials provider and POST /api/v1/auth/token: throttled
// (sign-in-throttle.ts) and shaped so that neither the answer nor its timing tells whether a username exists.
import type { TokenInput } from "@/lib/contracts/member";
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from "@/lib/auth/password";
import { HashQueueFull } from "@/lib/auth/hash-queue";
import { abandonAttempt, attemptSucceeded, beginSignInAttempt } from "./sign-in-throttle";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { USERNAME } from "@/lib/domain/limits";

export const WRONG_CREDENTIALS = "The username or password is not correct.";

export function wrongCredentials(): DomainError {
  return new DomainError("UNAUTHORIZED", WRONG_CREDENTIALS);
}

/**
 * The member whose username and password these are. Refusals: RATE_LIMITED (with retryAfterSeconds) when the
 * username or the address is locked; UNAUTHORIZED, one message for every other failure: unknown username,
 * wrong password, or a member without a password (Naver only). Every failure costs one password check.
 */
export async function signInWithPassword(
  input: TokenInput,
  context: { address: string },
  now: Date = new Date(),
): Promise<{ memberId: string; sessionEpoch: number }> {
  const attempt = await beginSignInAttempt({ username: input.username, address: context.address }, now);

  // a name that breaks the username rules cannot exist (and text with NUL cannot even be sent to PostgreSQL)
  const wellFormed =
    input.username.length >= USERNAME.min &&
    input.username.length <= USERNAME.max &&
    USERNAME.pattern.test(input.username);
  const member = wellFormed
    ? await db().member.findUnique({
        where: { username: input.username },
        select: { id: true, passwordHash: true, sessionEpoch: true },
      })
    : null;

  let matches: boolean;
  try {
    matches = member?.passwordHash
      ? await verifyPassword(input.password, member.passwordHash)
      : await verifyAgainstDecoy(input.password);
  } catch (e) {
    // refused by the full line of hashes (429): no password was checked, so it is no failure of this username
    if (e instanceof HashQueueFull) await abandonAttempt(attempt);
    throw e;
  }
  if (!member || !member.passwordHash || !matches) throw wrongCredentials();

  await attemptSucceeded(attempt);
  if (needsRehash(member.passwordHash)) await upgradeHash(member.id, member.passwordHash, input.password);
  return { memberId: member.id, sessionEpoch: member.sessionEpoch };
}

/** store a hash with today's parameters; only if no one changed the hash meanwhile, and never failing the sign-in */
async function upgradeHash(memberId: string, oldHash: string, password: string): Promise<void> {
  try {
    const passwordHash = await hashPassword(password);
    await db().member.updateMany({ where: { id: memberId, passwordHash: oldHash }, data: { passwordHash } });
  } catch (e) {
    console.warn(`sign-in: could not upgrade a password hash: ${e instanceof Error ? e.message : String(e)}`);
  }
}
