import "server-only";
// PATCH /me and the settings page: nickname, time zone, daily goal, reminder lead time, language.
import type { UpdateMemberInput } from "@/lib/contracts/member";
import { notFound } from "@/lib/domain/errors";
import { inTransaction, lockMember } from "../transaction";
import type { MemberView } from "../views";
import { MEMBER_VIEW_SELECT, activeScheduleId, memberView } from "./view";

/**
 * Changes the given fields and answers the member. Under the member's lock, like every other write for the
 * member, so a change of time zone cannot interleave with a transition that splits sessions at local midnight.
 * An empty change writes nothing.
 */
export async function updateMember(memberId: string, change: UpdateMemberInput): Promise<MemberView> {
  return inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const data = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as UpdateMemberInput;
    const row =
      Object.keys(data).length > 0
        ? await tx.member.update({ where: { id: memberId }, data, select: MEMBER_VIEW_SELECT })
        : await tx.member.findUnique({ where: { id: memberId }, select: MEMBER_VIEW_SELECT });
    if (!row) throw notFound("Member");
    return memberView(row, await activeScheduleId(tx, memberId));
  });
}
