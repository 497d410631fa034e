"use server";
// The settings page's actions: save the profile (the same service as PATCH /api/v1/me), change the password
// (POST /api/v1/me/password), sign out, and sign out everywhere (DELETE /api/v1/me/sessions).
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod";
import { formFields, memberAction } from "@/lib/actions/safe-action";
import { currentMemberId } from "@/lib/auth/current-member";
import { SIGN_IN_PATH } from "@/lib/auth/redirect";
import { SESSION_MAX_AGE_SECONDS, encodeSessionToken, sessionCookie } from "@/lib/auth/session";
import { ChangePasswordInput, DailyGoalMinutes, UpdateMemberInput } from "@/lib/contracts/member";
import { validationError } from "@/lib/domain/errors";
import { fieldErrorsOf } from "@/lib/refusals/refusal";
import { changePassword } from "@/lib/services/members/password";
import { clientAddress } from "@/lib/services/members/sign-in-throttle";
import { updateMember } from "@/lib/services/members/profile";
import { endAllSessions } from "@/lib/services/members/sessions";

const SETTINGS_FIELDS = ["nickname", "timezone", "dailyGoalMinutes", "reminderLeadMinutes", "locale"] as const;
const NUMBER_FIELDS = new Set(["dailyGoalMinutes", "reminderLeadMinutes"]);

/**
 * the form's text as PATCH /me's body: whole numbers become numbers, anything else stays text for zod to refuse.
 * The form always sends the daily goal, so here it is required: a cleared field is refused ("is required") instead
 * of being left out and answered "saved" while nothing changed (issue 20.12).
 */
const SettingsForm = z.preprocess(
  (input) => {
    if (!(input instanceof FormData)) return input;
    const fields: Record<string, string | number> = formFields(input, SETTINGS_FIELDS);
    for (const name of NUMBER_FIELDS) {
      const value = fields[name];
      if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) fields[name] = Number(value);
    }
    return fields;
  },
  UpdateMemberInput.extend({ dailyGoalMinutes: DailyGoalMinutes }),
);

export const updateSettingsAction = memberAction.inputSchema(SettingsForm).stateAction(async ({ parsedInput, ctx }) => {
  const member = await updateMember(ctx.memberId, parsedInput);
  revalidatePath("/", "layout"); // the language and the nickname show on every page
  return { member, savedAt: Date.now() };
});

const PasswordForm = z.preprocess(
  (input) => (input instanceof FormData ? formFields(input, ["currentPassword", "newPassword"]) : input),
  ChangePasswordInput,
);

/** a new password: every other session and token ends; this browser stays signed in, in the new epoch */
export const changePasswordAction = memberAction.inputSchema(PasswordForm).stateAction(async ({ parsedInput, ctx }) => {
  const { sessionEpoch } = await changePassword(ctx.memberId, parsedInput, { address: clientAddress(await headers()) });
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, await encodeSessionToken({ memberId: ctx.memberId, sessionEpoch }), {
    ...cookie.options,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return { changedAt: Date.now() };
});

/**
 * The working-hours section: the week as JSON (the form's hidden field) and the buffer. Parsed here rather than by
 * the action's schema so that a refusal keeps its dotted path ("workingHours.1.0.end") for the row it is about.
 */
const WorkingHoursForm = z.preprocess(
  (input) => (input instanceof FormData ? formFields(input, ["workingHours", "bufferMinutes"]) : input),
  z.object({ workingHours: z.string().optional(), bufferMinutes: z.string().optional() }),
);

export const updateWorkingHoursAction = memberAction
  .inputSchema(WorkingHoursForm)
  .stateAction(async ({ parsedInput, ctx }) => {
    let week: unknown = parsedInput.workingHours;
    try {
      week = week === undefined ? undefined : JSON.parse(week as string);
    } catch {
      // not JSON: left as text for the contract to refuse
    }
    const buffer = parsedInput.bufferMinutes;
    const parsed = UpdateMemberInput.safeParse({
      workingHours: week,
      bufferMinutes: buffer !== undefined && /^\s*-?\d+\s*$/.test(buffer) ? Number(buffer) : buffer,
    });
    if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
    const member = await updateMember(ctx.memberId, parsed.data);
    return { member, savedAt: Date.now() };
  });

/**
 * Sign out: the session cookie (and any chunks of it) is deleted. This session itself stays valid until it
 * expires, should a copy of the cookie exist elsewhere; sign out everywhere ends it on the server.
 */
export async function signOutAction(): Promise<void> {
  await deleteSessionCookies();
  redirect(SIGN_IN_PATH);
}

/** Sign out everywhere: every session cookie and API token of the member ends (a new epoch), this one too. */
export async function signOutEverywhereAction(): Promise<void> {
  const memberId = await currentMemberId();
  if (memberId) await endAllSessions(memberId);
  await deleteSessionCookies();
  redirect(SIGN_IN_PATH);
}

async function deleteSessionCookies(): Promise<void> {
  const store = await cookies();
  const { name, options } = sessionCookie();
  for (const cookie of store.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) {
      store.set(cookie.name, "", { ...options, maxAge: 0, expires: new Date(0) });
    }
  }
}
