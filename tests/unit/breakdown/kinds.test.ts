import { describe, expect, it } from "vitest";
import { recognise } from "@/lib/domain/breakdown/kinds";
import { statedLength } from "@/lib/domain/breakdown/horizon";
import { offlineBreakdown } from "@/lib/domain/breakdown/offline";
import { findCycle } from "@/lib/domain/graph";
import { KINDS, PLANS, type GoalKind } from "@/lib/domain/breakdown/templates";
import { DIFFICULTIES, TITLE } from "@/lib/domain/limits";
import { hasHangul } from "./helpers";

const kindOf = (title: string, description = "", hint = "") => recognise({ title, description, hint }).kind;

describe("recognise", () => {
  const examples: [GoalKind, string[]][] = [
    [
      "blog",
      [
        "I want to open a blog in two weeks",
        "Start a newsletter on Substack",
        "2주 안에 블로그 열기",
        "티스토리 시작하기",
      ],
    ],
    ["launch", ["Launch my app", "Build a website for my bakery", "사이드 프로젝트 앱 출시", "쇼핑몰 오픈하기"]],
    ["learn", ["Learn Spanish", "Practise the piano every day", "파이썬 독학", "영어 회화 실력 늘리기"]],
    ["write", ["Write a novel", "Finish my dissertation", "논문 쓰기", "에세이 한 편 완성"]],
    ["exam", ["Pass the TOEIC with 900", "Study for the driving test", "정보처리기사 자격증 따기", "토익 900점"]],
    ["event", ["Plan my sister's wedding", "Organise a team workshop", "부모님 칠순 잔치 준비", "결혼식 준비"]],
    ["fitness", ["Run a 10k", "Lose 5 kg before summer", "마라톤 완주하기", "다이어트 3kg 감량"]],
    ["move", ["Move to Berlin", "Relocating to a new apartment", "부산으로 이사하기", "자취방 구하기"]],
    ["organise", ["Declutter the garage", "Organize my closet", "옷장 정리", "대청소하기"]],
    ["generic", ["Be happier", "", "행복해지기"]],
  ];
  for (const [kind, titles] of examples) {
    it(`recognises ${kind} goals in both languages`, () => {
      for (const title of titles) expect(kindOf(title), title).toBe(kind);
    });
  }

  it("reads the description and the hint too, the title weighing most", () => {
    expect(kindOf("My 2027 project", "I want to write a book about my grandmother")).toBe("write");
    expect(kindOf("Something new", "", "운동을 꾸준히 하고 싶어요")).toBe("fitness");
    expect(kindOf("Learn to cook", "and host a party later")).toBe("learn");
  });

  it("prefers the more specific kind on a tie", () => {
    expect(kindOf("Write blog posts")).toBe("blog");
    expect(kindOf("Study for the exam")).toBe("exam");
    expect(kindOf("Organise a wedding")).toBe("event");
  });

  it("matches English keywords as words, not inside other words", () => {
    expect(kindOf("Be happy")).toBe("generic"); // not "app"
    expect(kindOf("Improve my outfit choices")).toBe("generic"); // not "fit"
  });

  it("gives the blog plan for a blog goal whatever the member's language", () => {
    for (const locale of ["ko", "en"] as const) {
      const proposal = offlineBreakdown({
        goal: { title: "블로그 만들기", description: "", targetDate: null },
        locale,
        today: "2026-12-07",
        hint: "",
        maxTasks: 8,
      });
      expect(proposal.tasks[0]!.title).toBe(PLANS.blog.steps[0]![locale][0]);
    }
  });
});

describe("statedLength", () => {
  const length = (title: string) => statedLength({ title, description: "", hint: "" })?.days ?? null;
  it("reads a length stated in English or Korean", () => {
    expect(length("open a blog in two weeks")).toBe(14);
    expect(length("run 5k within 3 months")).toBe(90);
    expect(length("finish it in a fortnight")).toBe(14);
    expect(length("learn it over the next 10 days")).toBe(10);
    expect(length("2주 안에 블로그 열기")).toBe(14);
    expect(length("한 달 동안 매일 운동")).toBe(30);
    expect(length("3개월 안에 토익 900")).toBe(90);
    expect(length("일주일 안에 이사 준비")).toBe(7);
    expect(length("10일 만에 끝내기")).toBe(10);
  });
  it("ignores a rhythm that is not a length", () => {
    expect(length("run 5 days a week")).toBeNull();
    expect(length("3일에 한 번 운동")).toBeNull();
    expect(length("주 3회 수영")).toBeNull();
  });
  it("takes the title's length before the hint's and the description's", () => {
    expect(statedLength({ title: "blog in 2 weeks", description: "in 3 months", hint: "in 5 days" })?.days).toBe(14);
    expect(statedLength({ title: "blog", description: "in 3 months", hint: "in 5 days" })?.days).toBe(5);
  });
});

describe("the plans", () => {
  for (const kind of KINDS) {
    it(`${kind}: keys unique, prerequisites listed first, no cycle, ranks 1…n, task limits, both languages`, () => {
      const steps = PLANS[kind].steps;
      const keys = steps.map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
      steps.forEach((s, i) => {
        for (const p of s.after) expect(keys.indexOf(p), `${kind}.${s.key} after ${p}`).toBeGreaterThanOrEqual(0);
        for (const p of s.after) expect(keys.indexOf(p)).toBeLessThan(i);
        expect(DIFFICULTIES).toContain(s.difficulty);
        expect(s.importance).toBeGreaterThanOrEqual(1);
        expect(s.importance).toBeLessThanOrEqual(9);
        for (const locale of ["ko", "en"] as const) {
          const [title, description] = s[locale];
          expect(Array.from(title).length, title).toBeLessThanOrEqual(TITLE.max);
          expect(title.trim()).toBe(title);
          expect(hasHangul(title), title).toBe(locale === "ko");
          expect(hasHangul(description), description).toBe(locale === "ko");
        }
      });
      expect(findCycle(steps.flatMap((s) => s.after.map((p) => [p, s.key] as const)))).toBeNull();
      expect(steps.map((s) => s.rank).sort((a, b) => a - b)).toEqual(steps.map((_, i) => i + 1));
      // the arc's ends survive any merge: the first step defines done, the last one finishes
      expect(steps[0]!.rank).toBe(1);
      expect(steps.findIndex((s) => s.rank === 2)).toBeGreaterThan(steps.length / 2);
      expect(steps[0]!.en[1]).toContain("{goal}");
    });
  }
});
