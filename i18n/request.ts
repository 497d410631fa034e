// next-intl's request configuration, without locale-prefixed routes: the language is the signed-in member's
// setting, else the browser's Accept-Language, else Korean (lib/i18n/locale.ts). Each area of the app keeps
// its words in its own namespace file: player (today, the player), library (tasks, statistics), account.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentMember } from "@/lib/auth/current-member";
import { localeFromAcceptLanguage, pickLocale } from "@/lib/i18n/locale";

export default getRequestConfig(async ({ locale: requested }) => {
  const member = await currentMember();
  const locale = pickLocale(
    requested,
    member?.locale,
    localeFromAcceptLanguage((await headers()).get("accept-language")),
  );
  return {
    locale,
    // the member's zone for dates the app formats (fallback for pages without a member: Seoul)
    timeZone: member?.timezone ?? "Asia/Seoul",
    messages: {
      player: (await import(`../messages/${locale}/player.json`)).default,
      library: (await import(`../messages/${locale}/library.json`)).default,
      account: (await import(`../messages/${locale}/account.json`)).default,
      goals: (await import(`../messages/${locale}/goals.json`)).default,
      reminders: (await import(`../messages/${locale}/reminders.json`)).default,
      plan: (await import(`../messages/${locale}/plan.json`)).default,
    },
  };
});
