import { describe, expect, it } from "vitest";
import { modelPrompt } from "@/lib/domain/breakdown/prompt";
import { inLanguage, titleInLanguage } from "@/lib/domain/breakdown/proposal";

const titles = (...t: string[]) => t.map((title) => ({ title }));

describe("the language check of a model's answer", () => {
  it("takes a Korean title by its Hangul, product names in Latin letters included", () => {
    expect(titleInLanguage("Notion으로 계획 세우기", "ko")).toBe(true);
    expect(titleInLanguage("Set up Notion", "ko")).toBe(false);
  });
  it("takes an English title by its Latin letters, without Hangul, kana or ideographs", () => {
    expect(titleInLanguage("Pick a platform", "en")).toBe(true);
    expect(titleInLanguage("选择一个平台", "en")).toBe(false);
    expect(titleInLanguage("ブログを始める", "en")).toBe(false);
    expect(titleInLanguage("Visit 경복궁", "en")).toBe(false);
    expect(titleInLanguage("2026", "en")).toBe(false);
  });
  it("wants more than half of the titles in the member's language", () => {
    expect(inLanguage(titles("주제 정하기", "README 쓰기", "Deploy"), "ko")).toBe(true);
    expect(inLanguage(titles("주제 정하기", "Deploy"), "ko")).toBe(false);
    expect(inLanguage(titles("Pick a topic", "Write", "写作"), "en")).toBe(true);
  });
});

describe("modelPrompt", () => {
  const request = {
    goal: { title: "Open a blog", description: "Ten posts live", targetDate: "2026-12-21" },
    locale: "en" as const,
    today: "2026-12-07",
    hint: "I know HTML",
    maxTasks: 6,
  };
  it("tells the model the rules, the bounds and the goal, in the member's language", () => {
    const { system, prompt } = modelPrompt(request);
    expect(system).toContain("At most 6 tasks");
    expect(system).toContain("on or after 2026-12-07 and on or before 2026-12-21");
    expect(system).toContain("one of 1, 2, 3, 5, 8, 13, 21");
    expect(prompt).toBe(
      "Goal: Open a blog\nWhat done looks like: Ten posts live\nToday: 2026-12-07\nTarget date: 2026-12-21\n" +
        "Hint (what they already know, constraints): I know HTML",
    );
    const ko = modelPrompt({ ...request, locale: "ko", hint: "" });
    expect(ko.system).toContain("한국어로 씁니다");
    expect(ko.prompt).toBe("목표: Open a blog\n완료의 모습: Ten posts live\n오늘: 2026-12-07\n목표일: 2026-12-21");
  });
});
