// GET /api/v1/me — the signed-in member with the running schedule; PATCH — change nickname, time zone,
// daily goal, reminder lead time or language.
import { MemberView, UpdateMemberInput } from "@/lib/contracts/member";
import { apiHandler } from "@/lib/http/api";
import { updateMember } from "@/lib/services/members/profile";
import { getMemberView } from "@/lib/services/members/view";

export const GET = apiHandler({ output: MemberView }, ({ memberId }) => getMemberView(memberId));

export const PATCH = apiHandler({ body: UpdateMemberInput, output: MemberView }, ({ memberId, body }) =>
  updateMember(memberId, body),
);
