"use server";
// The settings page's actions: save the profile (the same service as PATCH /api/v1/me) and sign out.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod";
import { formFields, memberAction } from "@/lib/actions/safe-action";
import { SIGN_IN_PATH } from "@/lib/auth/redirect";
import { sessionCookie } from "@/lib/auth/session";
import { UpdateMemberInput } from "@/lib/contracts/member";
import { updateMember } from "@/lib/services/members/profile";

const SETTINGS_FIELDS = ["nickname", "timezone", "dailyGoalMinutes", "reminderLeadMinutes", "locale"] as const;
const NUMBER_FIELDS = new Set(["dailyGoalMinutes", "reminderLeadMinutes"]);

/** the form's text as PATCH /me's body: whole numbers become numbers, anything else stays text for zod to refuse */
const SettingsForm = z.preprocess((input) => {
  if (!(input instanceof FormData)) return input;
  const fields: Record<string, string | number> = formFields(input, SETTINGS_FIELDS);
  for (const name of NUMBER_FIELDS) {
    const value = fields[name];
    if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) fields[name] = Number(value);
  }
  return fields;
}, UpdateMemberInput);

export const updateSettingsAction = memberAction.inputSchema(SettingsForm).stateAction(async ({ parsedInput, ctx }) => {
  const member = await updateMember(ctx.memberId, parsedInput);
  revalidatePath("/", "layout"); // the language and the nickname show on every page
  return { member, savedAt: Date.now() };
});

/**
 * Sign out: the session cookie (and any chunks of it) is deleted. A JWT session cannot be revoked on the
 * server; it simply stops being sent.
 */
export async function signOutAction(): Promise<void> {
  const store = await cookies();
  const { name, options } = sessionCookie();
  for (const cookie of store.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) {
      store.set(cookie.name, "", { ...options, maxAge: 0, expires: new Date(0) });
    }
  }
  redirect(SIGN_IN_PATH);
}
