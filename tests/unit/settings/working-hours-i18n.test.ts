// The working-hours section speaks both languages: every refusal the week or the buffer can get is said in Korean,
// and both message files have the section's words.
import fc from "fast-check";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { UpdateMemberInput } from "@/lib/contracts/member";
import { ISO_WEEKDAYS } from "@/lib/domain/limits";
import { reason, type AccountTranslator } from "@/lib/i18n/reasons";
import en from "@/messages/en/account.json";
import ko from "@/messages/ko/account.json";

const koT = createTranslator({
  locale: "ko",
  messages: { account: ko },
  namespace: "account",
}) as unknown as AccountTranslator;

const time = fc.oneof(
  fc.constantFrom("00:00", "09:00", "12:00", "18:00", "23:59", "24:00", "9:00", "25:00", ""),
  fc.string({ maxLength: 6 }),
);
const value = fc.oneof(time, fc.integer(), fc.constant(null), fc.constant(undefined));
const interval = fc.oneof(
  fc.record({ start: time, end: time }),
  fc.record({ start: value, end: value, extra: value }),
  value,
);
const day = fc.oneof(fc.array(interval, { maxLength: 14 }), value);
const week = fc.oneof(
  fc.record(Object.fromEntries(ISO_WEEKDAYS.map((d) => [d, day])) as Record<string, typeof day>),
  value,
);

describe("working-hours refusals", () => {
  it("are all said in Korean, whatever the input", () => {
    fc.assert(
      fc.property(week, value, (workingHours, bufferMinutes) => {
        const parsed = UpdateMemberInput.safeParse({ workingHours, bufferMinutes });
        for (const issue of parsed.success ? [] : parsed.error.issues) {
          expect(reason(koT, issue.message, "ko"), issue.message).toMatch(/[가-힣]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("have their words in both languages", () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v).map((x) => `${k}.${x}`) : [k]));
    expect(keys(ko.workingHours).sort()).toEqual(keys(en.workingHours).sort());
    expect(ko.fields.bufferMinutes && en.fields.bufferMinutes).toBeTruthy();
  });
});
