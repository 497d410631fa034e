// Helpers for the words of the task and statistics pages. The words themselves are next-intl's `library`
// namespace (messages/<locale>/library.json, loaded by i18n/request.ts): server components read them with
// getTranslations("library"), client components with useTranslations("library").
import type { Locale } from "@/lib/domain/limits";

/** the part of a next-intl translator these helpers use */
export type LibraryTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** BCP 47 tag for Intl formatters */
export function intlLocale(locale: Locale | string): string {
  return locale === "ko" ? "ko-KR" : "en-US";
}

/** a server refusal's English reason in the page's language, or the reason itself when it has no translation */
export function fieldReason(t: LibraryTranslator, reason: string): string {
  // the reasons are data (from the zod contracts), so whether one has a translation is checked at run time
  const key = `form.reasons.${reason}`;
  return t.has(key) ? t(key) : reason;
}
