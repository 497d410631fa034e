// Changing the password (the settings page and POST /api/v1/me/password). The current password is checked like a
// sign-in, through the sign-in throttle (a stolen session must not become a free password oracle), and the change
// ends every session and API token of the member (a new epoch); the caller may keep its own with the new epoch.
import type { ChangePasswordInput } from "@/lib/contracts/member";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { abandonAttempt, attemptSucceeded, beginSignInAttempt } from "@/lib/services/members/sign-in-throttle";
import { HashQueueFull } from "@/lib/auth/hash-queue";
import { db } from "@/lib/db/client";
import { conflict, notFound, validationError } from "@/lib/domain/errors";
import { inTransaction, lockMember } from "../transaction";
import { CURRENT_PASSWORD_WRONG, NO_PASSWORD } from "./password-reasons";
import { raiseSessionEpoch } from "./sessions";

/**
 * Refusals: VALIDATION on currentPassword (wrong, or the member has none), RATE_LIMITED (the sign-in throttle
 * of the username or address, or the busy line of hashes), CONFLICT when the password changed meanwhile (two
 * changes at once: one wins).
 */
export async function changePassword(
  memberId: string,
  input: ChangePasswordInput,
  context: { address: string },
  now: Date = new Date(),
): Promise<{ sessionEpoch: number }> {
  const member = await db().member.findUnique({
    where: { id: memberId },
    select: { username: true, passwordHash: true },
  });
  if (!member) throw notFound("Member");
  if (!member.username || !member.passwordHash) throw validationError({ currentPassword: [NO_PASSWORD] });

  const attempt = await beginSignInAttempt({ username: member.username, address: context.address }, now);
  let matches: boolean;
  let newHash: string;
  try {
    matches = await verifyPassword(input.currentPassword, member.passwordHash);
    // hashed before the transaction: the hash must not hold a database connection
    newHash = matches ? await hashPassword(input.newPassword) : "";
  } catch (e) {
    if (e instanceof HashQueueFull) await abandonAttempt(attempt);
    throw e;
  }
  if (!matches) throw validationError({ currentPassword: [CURRENT_PASSWORD_WRONG] });
  await attemptSucceeded(attempt);

  return inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    // only over the hash that was checked: a change that came first wins, this one is refused
    const changed = await tx.member.updateMany({
      where: { id: memberId, passwordHash: member.passwordHash },
      data: { passwordHash: newHash },
    });
    if (changed.count !== 1) throw conflict();
    return raiseSessionEpoch(tx, memberId);
  });
}
