// /signin — username and password (next-auth Credentials), or Naver/Kakao when configured. A signed-in
// visitor goes straight on to where they were headed.
import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { currentMemberId } from "@/lib/auth/current-member";
import { AUTH_ERRORS, enabledOAuthProviders } from "@/lib/auth/options";
import { AuthShell } from "@/components/account/auth-shell";
import { authPageContext, type SearchParams } from "../params";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "로그인 · Sign in" };

/** the sign-in page's message (its key in the "account" namespace) for an ?error= that next-auth (or our route) sent back here */
function errorMessage(code: string | undefined): string | null {
  switch (code) {
    case undefined:
    case "":
      return null;
    case "CredentialsSignin":
      return "errors.wrongCredentials";
    case AUTH_ERRORS.rateLimited:
      return "errors.rateLimitedLater";
    case "SessionRequired":
      return "errors.sessionEnded";
    case "AccessDenied":
      return "errors.accessDenied";
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "OAuthAccountNotLinked":
    case "Callback":
      return "errors.oauth";
    default:
      return "errors.generic";
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, callbackUrl, error, query } = await authPageContext(searchParams);
  if (await currentMemberId()) redirect(callbackUrl as Route);
  // the locale is passed explicitly: ?lang= may choose another language than the request's
  const t = await getTranslations({ locale, namespace: "account" });
  const { account } = await getMessages({ locale });
  const initialError = errorMessage(error);
  return (
    <AuthShell
      locale={locale}
      title={t("signIn.title")}
      switchHref={`/signin${query({ lang: locale === "ko" ? "en" : "ko" })}`}
    >
      <NextIntlClientProvider locale={locale} messages={{ account }}>
        <SignInForm
          locale={locale}
          callbackUrl={callbackUrl}
          initialError={initialError ? t(initialError) : null}
          providers={enabledOAuthProviders()}
          signUpHref={`/signup${query()}`}
        />
      </NextIntlClientProvider>
    </AuthShell>
  );
}
