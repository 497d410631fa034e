// The account pages' languages: choosing one, and saying every contract refusal in it.
import fc from "fast-check";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { SignUpInput, UpdateMemberInput } from "@/lib/contracts/member";
import type { Locale } from "@/lib/domain/limits";
import { localeFromAcceptLanguage, pickLocale } from "@/lib/i18n/locale";
import { KO_REASON_KEYS, reason as reasonWith, type AccountTranslator, type FieldName } from "@/lib/i18n/reasons";
import { USERNAME_TAKEN } from "@/lib/services/members/sign-up";
import en from "@/messages/en/account.json";
import ko from "@/messages/ko/account.json";

const ACCOUNT = { ko, en };
// string keys, as the app's translators take them (no AppConfig typing of the messages)
const translator = (locale: Locale) =>
  createTranslator({
    locale,
    messages: { account: ACCOUNT[locale] },
    namespace: "account",
  }) as unknown as AccountTranslator;
/** reason() with the page's "account" translator, as the forms call it */
const reason = (text: string, locale: Locale, field?: FieldName) => reasonWith(translator(locale), text, locale, field);

describe("choosing the language", () => {
  it.each([
    ["en-US,en;q=0.9,ko;q=0.8", "en"],
    ["ko-KR,ko;q=0.9,en-US;q=0.8", "ko"],
    ["fr-FR,fr;q=0.9,en;q=0.5,ko;q=0.7", "ko"],
    ["ja,zh;q=0.8", null],
    ["en;q=0", null],
    ["", null],
  ])("%j → %j", (header, expected) => expect(localeFromAcceptLanguage(header)).toBe(expected));

  it("prefers an explicit choice, then the browser, then Korean", () => {
    expect(pickLocale("en", "ko")).toBe("en");
    expect(pickLocale("xx", "en")).toBe("en");
    expect(pickLocale(undefined, null)).toBe("ko");
  });
});

describe("refusal reasons", () => {
  const koreanOnly = /[가-힣]/;

  /** every reason the member contracts can give, for arbitrary input */
  function reasonsFor(schema: typeof SignUpInput | typeof UpdateMemberInput, value: unknown): string[] {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  }

  it("are all said in Korean, whatever the input", () => {
    const anything = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.integer(),
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.record({ username: anything, password: anything, nickname: anything, timezone: anything }),
        fc.record({
          nickname: anything,
          timezone: anything,
          dailyGoalMinutes: anything,
          reminderLeadMinutes: anything,
          locale: anything,
        }),
        (signUp, update) => {
          for (const text of [...reasonsFor(SignUpInput, signUp), ...reasonsFor(UpdateMemberInput, update)]) {
            expect(reason(text, "ko")).toMatch(koreanOnly);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(reason(USERNAME_TAKEN, "ko")).toBe("이미 사용 중인 아이디입니다.");
  });

  it("read as sentences in English, with the field's name", () => {
    expect(reason("must be at least 4 characters", "en", "username")).toBe("Username must be at least 4 characters.");
    expect(reason("must be at most 1440", "en", "dailyGoalMinutes")).toBe("Daily goal must be at most 1440.");
    expect(reason("is already taken", "en", "username")).toBe("Username is already taken.");
    expect(reason("must not be blank", "en")).toBe("Must not be blank.");
  });

  it("both message files have the same entries, but for the Korean reasons (English pages show the contracts' own)", () => {
    const shape = (o: object): unknown =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v && typeof v === "object" ? shape(v) : typeof v]));
    const { reasons, ...koRest } = ko;
    expect(shape(en)).toEqual(shape(koRest));
    expect(Object.keys(reasons).sort()).toEqual([...new Set(KO_REASON_KEYS)].sort());
  });

  it("fill in their arguments (ICU messages)", () => {
    expect(reason("must be at most 20 characters", "ko", "nickname")).toBe("20자 이하여야 합니다.");
    expect(reason("must be one of ko, en", "ko")).toBe("다음 중 하나여야 합니다: ko, en.");
    expect(reason("something new", "ko")).toBe("something new");
    expect(translator("en")("errors.rateLimited", { minutes: 1 })).toBe(
      "Too many sign-in attempts. Try again in 1 minute.",
    );
    expect(translator("en")("errors.rateLimited", { minutes: 3 })).toBe(
      "Too many sign-in attempts. Try again in 3 minutes.",
    );
    expect(translator("ko")("errors.rateLimited", { minutes: 3 })).toBe(
      "로그인 시도가 너무 많습니다. 3분 뒤에 다시 시도해 주세요.",
    );
    expect(translator("en")("settings.leadMinutes", { minutes: 1440 })).toBe("1440 minutes before");
  });
});
