// The frame of the sign-in and sign-up pages: brand, a language switch, one card. Mobile first: full width
// on a phone, a narrow centred column on larger screens.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/domain/limits";
import { getTranslations } from "next-intl/server";

export async function AuthShell({
  locale,
  title,
  switchHref,
  children,
}: {
  locale: Locale;
  title: string;
  /** the same page in the other language */
  switchHref: string;
  children: ReactNode;
}) {
  const other: Locale = locale === "ko" ? "en" : "ko";
  // each language's name is its own (the same in every messages file)
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div lang={locale} className="mx-auto flex min-h-dvh w-full max-w-md flex-col px-5">
      <header className="flex items-center justify-between py-5">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand">
          Pinit
        </Link>
        <a
          href={switchHref}
          lang={other}
          hrefLang={other}
          className="rounded-md px-2 py-2 text-sm font-medium text-brand underline-offset-4 hover:underline"
        >
          {t(`languages.${other}`)}
        </a>
      </header>
      <main className="flex flex-1 flex-col justify-center pb-16">
        <div className="rounded-2xl border border-line bg-surface p-5 shadow-sm sm:p-8">
          <h1 className="mb-6 text-3xl font-bold tracking-tight">{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
