// /signin — username and password (next-auth Credentials), or Naver/Kakao when configured. A signed-in
// visitor goes straight on to where they were headed.
import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { currentMemberId } from "@/lib/auth/current-member";
import { AUTH_ERRORS, enabledOAuthProviders } from "@/lib/auth/options";
import { AuthShell } from "@/components/account/auth-shell";
import { messages, type Messages } from "@/lib/i18n/messages";
import { authPageContext, type SearchParams } from "../params";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "로그인 · Sign in" };

/** the sign-in page's message for an ?error= that next-auth (or our route) sent back here */
function errorMessage(code: string | undefined, t: Messages): string | null {
  switch (code) {
    case undefined:
    case "":
      return null;
    case "CredentialsSignin":
      return t.errors.wrongCredentials;
    case AUTH_ERRORS.rateLimited:
      return t.errors.rateLimitedLater;
    case "SessionRequired":
      return t.errors.sessionEnded;
    case "AccessDenied":
      return t.errors.accessDenied;
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "OAuthAccountNotLinked":
    case "Callback":
      return t.errors.oauth;
    default:
      return t.errors.generic;
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, callbackUrl, error, query } = await authPageContext(searchParams);
  if (await currentMemberId()) redirect(callbackUrl as Route);
  const t = messages(locale);
  return (
    <AuthShell locale={locale} title={t.signIn.title} switchHref={`/signin${query({ lang: locale === "ko" ? "en" : "ko" })}`}>
      <SignInForm
        locale={locale}
        callbackUrl={callbackUrl}
        initialError={errorMessage(error, t)}
        providers={enabledOAuthProviders()}
        signUpHref={`/signup${query()}`}
      />
    </AuthShell>
  );
}
