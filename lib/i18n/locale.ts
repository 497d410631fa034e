// Which language to show: the member's own setting when signed in, else the browser's Accept-Language,
// else Korean. A stand-in until next-intl arrives; pages ask only `pickLocale`.
import { LOCALES, type Locale } from "@/lib/domain/limits";

export const DEFAULT_LOCALE: Locale = "ko";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** the best of ko/en for an Accept-Language header ("en-US,en;q=0.9,ko;q=0.8" → en), by quality then order */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((x) => x.q > 0 && Number.isFinite(x.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((x) => x.language).find(isLocale) ?? null;
}

/** an explicit choice (?lang=, the member's setting) first, then the browser, then Korean */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) if (isLocale(candidate)) return candidate;
  return DEFAULT_LOCALE;
}
