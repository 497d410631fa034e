// /signup — username, password and an optional nickname; the browser's time zone comes along. A signed-in
// visitor goes straight on.
import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/account/auth-shell";
import { currentMemberId } from "@/lib/auth/current-member";
import { authPageContext, type SearchParams } from "../params";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "회원가입 · Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, callbackUrl, query } = await authPageContext(searchParams);
  if (await currentMemberId()) redirect(callbackUrl as Route);
  // the locale is passed explicitly: ?lang= may choose another language than the request's
  const t = await getTranslations({ locale, namespace: "account" });
  const { account } = await getMessages({ locale });
  return (
    <AuthShell
      locale={locale}
      title={t("signUp.title")}
      switchHref={`/signup${query({ lang: locale === "ko" ? "en" : "ko" })}`}
    >
      <NextIntlClientProvider locale={locale} messages={{ account }}>
        <SignUpForm locale={locale} callbackUrl={callbackUrl} signInHref={`/signin${query()}`} />
      </NextIntlClientProvider>
    </AuthShell>
  );
}
