// Sign out everywhere: every session cookie and API token of the member ends at once. Each carries the epoch it
// was issued in and is accepted only while the member's epoch is still that one (lib/auth/authenticate.ts).
import { inTransaction, lockMember, type Tx } from "../transaction";

/** raises the member's session epoch and answers the new one (for a session the caller keeps) */
export async function endAllSessions(memberId: string): Promise<{ sessionEpoch: number }> {
  return inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    return raiseSessionEpoch(tx, memberId);
  });
}

/** the same inside a caller's transaction (a password change); the member is locked by the caller */
export async function raiseSessionEpoch(tx: Tx, memberId: string): Promise<{ sessionEpoch: number }> {
  return tx.member.update({
    where: { id: memberId },
    data: { sessionEpoch: { increment: 1 } },
    select: { sessionEpoch: true },
  });
}
