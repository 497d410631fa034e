import "server-only";
// The signed-in member for server components and server actions (next/headers). The proxy only makes an
// optimistic check of the cookie; this is the real one: a valid session of a member who still exists.
import type { Route } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isDomainError } from "@/lib/domain/errors";
import { getMemberView } from "@/lib/services/members/view";
import type { MemberView } from "@/lib/services/views";
import { sessionIsCurrent } from "./authenticate";
import { REQUESTED_PATH_HEADER } from "./current-member-header";
import { signInPathFor } from "./redirect";
import { decodeSession, sessionTokenFrom } from "./session";

/** the signed-in member's id, or null (once per request); a session of an ended epoch is nobody's */
export const currentMemberId = cache(async (): Promise<string | null> => {
  const owner = await decodeSession(sessionTokenFrom((await cookies()).getAll()));
  return owner && (await sessionIsCurrent(owner)) ? owner.memberId : null;
});

/** the signed-in member, or null (once per request) */
export const currentMember = cache(async (): Promise<MemberView | null> => {
  const memberId = await currentMemberId();
  if (!memberId) return null;
  try {
    return await getMemberView(memberId);
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return null; // deleted in between
    throw e;
  }
});

/** the signed-in member; a signed-out visitor is sent to sign in and brought back to this page afterwards */
export async function requireMember(): Promise<MemberView> {
  const member = await currentMember();
  if (!member) redirect(signInPathFor((await headers()).get(REQUESTED_PATH_HEADER)) as Route);
  return member;
}
