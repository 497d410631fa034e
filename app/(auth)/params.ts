// What the sign-in and sign-up pages read from their URL and request: language, where to go afterwards.
import { headers } from "next/headers";
import { safeCallbackPath } from "@/lib/auth/redirect";
import type { Locale } from "@/lib/domain/limits";
import { localeFromAcceptLanguage, pickLocale } from "@/lib/i18n/locale";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** this site's origin: NEXTAUTH_URL when set (as next-auth uses it), else the request's Host */
function siteOrigin(requestHeaders: Headers): string | undefined {
  try {
    if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
    const host = requestHeaders.get("host");
    const proto = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
    return host ? new URL(`${proto}://${host}`).origin : undefined;
  } catch {
    return undefined;
  }
}

export async function authPageContext(searchParams: SearchParams): Promise<{
  locale: Locale;
  callbackUrl: string;
  error: string | undefined;
  /** this page's query for the other page and the language switch */
  query: (extra?: Record<string, string>) => string;
}> {
  const params = await searchParams;
  const requestHeaders = await headers();
  const lang = first(params.lang);
  const locale = pickLocale(lang, localeFromAcceptLanguage(requestHeaders.get("accept-language")));
  // next-auth sends its callback URL back absolute: accepted only on this site's own origin
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), { origin: siteOrigin(requestHeaders) });
  const query = (extra: Record<string, string> = {}) => {
    const q = new URLSearchParams();
    if (callbackUrl !== "/today") q.set("callbackUrl", callbackUrl);
    if (lang === "ko" || lang === "en") q.set("lang", lang);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  return { locale, callbackUrl, error: first(params.error), query };
}
