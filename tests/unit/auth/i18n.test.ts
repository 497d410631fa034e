// The account pages' languages: choosing one, and saying every contract refusal in it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SignUpInput, UpdateMemberInput } from "@/lib/contracts/member";
import { localeFromAcceptLanguage, pickLocale } from "@/lib/i18n/locale";
import { messages, reason } from "@/lib/i18n/messages";
import { USERNAME_TAKEN } from "@/lib/services/members/sign-up";

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
    const anything = fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant(undefined), fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(
        fc.record({ username: anything, password: anything, nickname: anything, timezone: anything }),
        fc.record({ nickname: anything, timezone: anything, dailyGoalMinutes: anything, reminderLeadMinutes: anything, locale: anything }),
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

  it("both dictionaries have the same entries", () => {
    const shape = (o: object): unknown =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v && typeof v === "object" ? shape(v) : typeof v]));
    expect(shape(messages("en"))).toEqual(shape(messages("ko")));
  });
});
