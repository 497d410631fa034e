// /settings — nickname, time zone, daily goal, reminder lead time, language; working hours; and sign out.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignOutForm } from "@/components/account/sign-out-form";
import { PushToggle } from "@/components/push/push-toggle";
import { requireMember } from "@/lib/auth/current-member";
import { signOutAction } from "./actions";
import { SettingsForm } from "./settings-form";
import { WorkingHoursForm } from "./working-hours-form";

export const metadata: Metadata = { title: "설정 · Settings" };

/** every IANA zone this runtime knows, with UTC and the member's own zone even if the list lacks them */
function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  zones.add(current);
  return [...zones].sort();
}

export default async function SettingsPage() {
  const member = await requireMember();
  // the member's own language (i18n/request.ts), said explicitly
  const t = await getTranslations({ locale: member.locale, namespace: "account" });
  return (
    <main className="flex flex-1 flex-col gap-8 py-8">
      <h1 className="text-4xl font-bold tracking-tight">{t("settings.title")}</h1>
      <section aria-labelledby="settings-profile" className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
        <h2 id="settings-profile" className="mb-5 text-xl font-semibold">
          {t("settings.profile")}
        </h2>
        <SettingsForm member={member} timeZones={timeZones(member.timezone)} />
      </section>
      <section aria-labelledby="settings-working-hours" className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
        <h2 id="settings-working-hours" className="mb-5 text-xl font-semibold">
          {t("workingHours.title")}
        </h2>
        <WorkingHoursForm member={member} />
      </section>
      <section aria-label={t("settings.notifications")} className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
        <PushToggle locale={member.locale} />
      </section>
      <section aria-labelledby="settings-account" className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
        <h2 id="settings-account" className="mb-3 text-xl font-semibold">
          {t("settings.account")}
        </h2>
        <p className="mb-5 text-muted">
          {member.username ? t("settings.signedInAs", { name: member.username }) : t("settings.signedInWithProvider")}
        </p>
        <SignOutForm action={signOutAction}>
          <button
            type="submit"
            className="inline-flex min-h-12 items-center justify-center rounded-lg border border-line px-6 font-semibold text-brand hover:bg-surface-tint"
          >
            {t("settings.signOut")}
          </button>
        </SignOutForm>
      </section>
    </main>
  );
}
