// /settings — nickname, time zone, daily goal, reminder lead time, language; working hours; the password; sign
// out, and sign out everywhere.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignOutForm } from "@/components/account/sign-out-form";
import { timeZoneOptions } from "@/components/account/time-zones";
import { PushToggle } from "@/components/push/push-toggle";
import { ReminderStatus } from "@/components/push/reminder-status";
import { requireMember } from "@/lib/auth/current-member";
import { signOutAction, signOutEverywhereAction } from "./actions";
import { PasswordForm } from "./password-form";
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
        <SettingsForm
          member={member}
          timeZones={timeZoneOptions(timeZones(member.timezone), member.locale, new Date())}
        />
      </section>
      <section
        aria-labelledby="settings-working-hours"
        className="rounded-2xl border border-line bg-surface p-5 sm:p-8"
      >
        <h2 id="settings-working-hours" className="mb-5 text-xl font-semibold">
          {t("workingHours.title")}
        </h2>
        <WorkingHoursForm member={member} />
      </section>
      <section
        aria-label={t("settings.notifications")}
        className="rounded-2xl border border-line bg-surface p-5 sm:p-8"
      >
        <PushToggle locale={member.locale} />
      </section>
      <section aria-labelledby="reminder-status" className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
        <ReminderStatus headingId="reminder-status" />
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
      <section aria-labelledby="settings-security" className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
        <h2 id="settings-security" className="mb-5 text-xl font-semibold">
          {t("settings.security")}
        </h2>
        {member.username ? (
          <>
            <h3 className="mb-3 font-semibold">{t("settings.changePassword")}</h3>
            <PasswordForm locale={member.locale} />
          </>
        ) : (
          <p className="text-muted">{t("settings.noPassword")}</p>
        )}
        <h3 className="mt-8 mb-2 font-semibold">{t("settings.signOutEverywhere")}</h3>
        <p id="settings-sign-out-everywhere-hint" className="mb-4 text-muted">
          {t("settings.signOutEverywhereHint")}
        </p>
        <SignOutForm action={signOutEverywhereAction}>
          <button
            type="submit"
            aria-describedby="settings-sign-out-everywhere-hint"
            className="inline-flex min-h-12 items-center justify-center rounded-lg border border-line px-6 font-semibold text-red-700 hover:bg-surface-tint dark:text-red-300"
          >
            {t("settings.signOutEverywhere")}
          </button>
        </SignOutForm>
      </section>
    </main>
  );
}
