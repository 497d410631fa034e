// Every page in (app) is for a signed-in member: a signed-out visitor is sent to /signin and brought back
// afterwards. The proxy already redirects on a missing or expired cookie; this checks the member for real
// (a valid cookie of a deleted member is turned away here). Pages call requireMember() too: a layout is
// not re-rendered on every client-side navigation.
import Link from "next/link";
import type { ReactNode } from "react";
import { requireMember } from "@/lib/auth/current-member";
import { messages } from "@/lib/i18n/messages";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const t = messages(member.locale);
  return (
    <div lang={member.locale} className="mx-auto flex min-h-dvh w-full max-w-3xl flex-col px-5 sm:px-8">
      <header className="flex items-center justify-between gap-4 py-4">
        <Link href="/today" className="text-lg font-semibold tracking-tight text-brand">
          Pinit
        </Link>
        <nav aria-label={t.nav.label}>
          <ul className="flex gap-1">
            <li>
              <Link href="/today" className="inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-surface-tint">
                {t.nav.today}
              </Link>
            </li>
            <li>
              <Link href="/settings" className="inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-surface-tint">
                {t.nav.settings}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      {children}
    </div>
  );
}
