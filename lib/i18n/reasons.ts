// Refusal reasons in the page's language. lib/contracts and the services say them in English, without the
// field's name ("must be at least 4 characters"), so validation stays in one place. The English reasons are
// free text with punctuation ("… _ and .") and numbers in them, which cannot be next-intl message keys (a dot
// separates namespaces): the table below recognises each one and names its Korean sentence in
// messages/ko/account.json ("reasons.*", ICU arguments for the numbers). English pages show the contract's own
// words, prefixed with the field's label, so messages/en/account.json has no "reasons".
import type { Locale } from "@/lib/domain/limits";

/** the fields of the account forms ("fields.*" in messages/<locale>/account.json) */
export type FieldName =
  | "username"
  | "password"
  | "nickname"
  | "timezone"
  | "dailyGoalMinutes"
  | "reminderLeadMinutes"
  | "locale"
  | "bufferMinutes";

/** a translator of the "account" namespace (useTranslations("account") or getTranslations(...)) */
export type AccountTranslator = (key: string, values?: Record<string, string | number>) => string;

const KO_REASONS: [RegExp, string, (m: RegExpExecArray) => Record<string, string | number>][] = [
  [/^is required$/, "required", () => ({})],
  [/^must not be empty$/, "notEmpty", () => ({})],
  [/^must not be blank$/, "notBlank", () => ({})],
  [/^must be text$/, "text", () => ({})],
  [/^must be at least (\d+) characters?$/, "minLength", (m) => ({ min: m[1] ?? "" })],
  [/^must be at most (\d+) characters?$/, "maxLength", (m) => ({ max: m[1] ?? "" })],
  [/^may contain only lowercase letters, digits, _ and \.$/, "usernameCharacters", () => ({})],
  [/^must contain at least one letter and one digit$/, "letterAndDigit", () => ({})],
  [/^must be one line without control characters$/, "oneLine", () => ({})],
  [/^must be valid Unicode text$/, "unicode", () => ({})],
  [/^must be an IANA time zone name/, "timeZone", () => ({})],
  [/^must be a whole number$/, "wholeNumber", () => ({})],
  [/^must be at least (-?\d+)$/, "min", (m) => ({ min: m[1] ?? "" })],
  [/^must be at most (-?\d+)$/, "max", (m) => ({ max: m[1] ?? "" })],
  [/^must be one of (.+)$/, "oneOf", (m) => ({ options: m[1] ?? "" })],
  [/^is already taken$/, "usernameTaken", () => ({})],
  [/^is not a known field$/, "unknownField", () => ({})],
  // working hours (lib/contracts/member.ts)
  [/^must be a time HH:MM from 00:00 to 23:59$/, "wallTime", () => ({})],
  [/^must be a time HH:MM from 00:01 to 24:00$/, "wallTimeEnd", () => ({})],
  [/^must be a time HH:MM$/, "wallTime", () => ({})],
  [/^must be after start$/, "afterStart", () => ({})],
  [/^must not overlap another interval of the day$/, "overlap", () => ({})],
  [/^must have at most (\d+) intervals$/, "maxIntervals", (m) => ({ max: m[1] ?? "" })],
  [/^must be a list of \{ start, end \}$/, "intervalList", () => ({})],
  [/^must be a JSON object$/, "object", () => ({})],
];

/** every key of "reasons.*" the table names (messages/ko/account.json must have each) */
export const KO_REASON_KEYS: readonly string[] = KO_REASONS.map(([, key]) => key);

/** the Korean message of an English reason: its key under "reasons." and its arguments; null when unknown */
export function koreanReason(text: string): { key: string; values: Record<string, string | number> } | null {
  for (const [pattern, key, values] of KO_REASONS) {
    const match = pattern.exec(text);
    if (match) return { key, values: values(match) };
  }
  return null;
}

/**
 * One refusal reason as a sentence in the page's language: "must be at least 4 characters" → "4자 이상이어야
 * 합니다." or, with the field, "Username must be at least 4 characters.". `t` is the page's "account"
 * translator, in `locale`.
 */
export function reason(t: AccountTranslator, text: string, locale: Locale, field?: FieldName): string {
  if (locale === "ko") {
    const known = koreanReason(text);
    return known ? t(`reasons.${known.key}`, known.values) : text;
  }
  const label = field ? t(`fields.${field}`).replace(/ \(.*\)$/, "") : "";
  const sentence = label ? `${label} ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
