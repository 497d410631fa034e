"use server";
// The sign-up form's action: create the member (the same service as POST /api/v1/auth/signup), sign them in
// with a next-auth session cookie, and go on. A refusal comes back to the form with a reason per field.
import type { Route } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod";
import { actionClient, formFields } from "@/lib/actions/safe-action";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { SESSION_MAX_AGE_SECONDS, encodeSessionToken, sessionCookie } from "@/lib/auth/session";
import { clientAddress } from "@/lib/services/members/sign-in-throttle";
import { Locale, SignUpInput } from "@/lib/contracts/member";
import { signUp } from "@/lib/services/members/sign-up";

const SIGN_UP_FIELDS = ["username", "password", "nickname", "timezone"] as const;

/** the submitted form: the API's sign-up body, plus the page's language and where to go afterwards */
const SignUpForm = z.preprocess(
  (input) => (input instanceof FormData ? formFields(input, [...SIGN_UP_FIELDS, "locale", "callbackUrl"]) : input),
  SignUpInput.extend({ locale: Locale.optional(), callbackUrl: z.string().optional() }),
);

export const signUpAction = actionClient.inputSchema(SignUpForm).stateAction(async ({ parsedInput }) => {
  const { callbackUrl, locale, ...input } = parsedInput;
  const member = await signUp(input, { locale, address: clientAddress(await headers()) });
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, await encodeSessionToken(member.id), {
    ...cookie.options,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  redirect(safeCallbackPath(callbackUrl) as Route);
});
