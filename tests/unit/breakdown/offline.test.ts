import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { offlineBreakdown } from "@/lib/domain/breakdown/offline";
import type { BreakdownRequest } from "@/lib/domain/breakdown/proposal";
import { PLANS } from "@/lib/domain/breakdown/templates";
import { expectLanguage, expectValidFor, hasHangul, request } from "./helpers";

const base = (over: Partial<BreakdownRequest> & { title?: string; targetDate?: string | null }): BreakdownRequest => ({
  goal: { title: over.title ?? "", description: "", targetDate: over.targetDate ?? null },
  locale: over.locale ?? "en",
  today: over.today ?? "2026-12-07",
  hint: over.hint ?? "",
  maxTasks: over.maxTasks ?? 8,
});

describe("offlineBreakdown", () => {
  it("always answers a valid proposal: contract, no cycle, deadlines in bounds and after prerequisites, ≤ maxTasks", () => {
    fc.assert(
      fc.property(request, (r) => {
        const proposal = expectValidFor(offlineBreakdown(r), r);
        expect(proposal.source).toBe("offline");
        expect(proposal.model).toBeNull();
        expect(proposal.tasks.length).toBeGreaterThanOrEqual(3);
        expectLanguage(proposal, r.locale);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same request gives the same proposal", () => {
    fc.assert(
      fc.property(request, (r) => {
        expect(offlineBreakdown(structuredClone(r))).toEqual(offlineBreakdown(structuredClone(r)));
      }),
      { numRuns: 100 },
    );
  });

  it("writes English descriptions and notes without Hangul when the goal has none", () => {
    fc.assert(
      fc.property(request, (r) => {
        const english: BreakdownRequest = {
          ...r,
          locale: "en",
          goal: { ...r.goal, title: r.goal.title.replace(/[^\x20-\x7e]/g, ""), description: "" },
          hint: r.hint.replace(/[^\x20-\x7e]/g, ""),
        };
        const proposal = offlineBreakdown(english);
        for (const t of proposal.tasks) expect(hasHangul(t.description), t.description).toBe(false);
        for (const note of proposal.notes) expect(hasHangul(note), note).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it("turns 'I want to open a blog in two weeks' into a blog plan over those two weeks", () => {
    const r = base({ title: "I want to open a blog in two weeks" });
    const proposal = expectValidFor(offlineBreakdown(r), r);
    const titles = proposal.tasks.map((t) => t.title);
    expect(titles[0]).toBe("Pick the blog's topic and readers");
    expect(titles).toContain("Create the blog and set it up");
    expect(titles).toContain("Draft the first post");
    expect(titles.at(-1)).toBe("Publish the first post and share it");
    expect(proposal.tasks.at(-1)!.deadline).toBe("2026-12-21");
    expect(proposal.notes.join(" ")).toMatch(/blog/);
    expect(proposal.notes.join(" ")).toMatch(/14 days.*in two weeks/);
  });

  it("makes the same blog plan in Korean: '2주 안에 블로그 열기'", () => {
    const r = base({ title: "2주 안에 블로그 열기", locale: "ko" });
    const proposal = expectValidFor(offlineBreakdown(r), r);
    const titles = proposal.tasks.map((t) => t.title);
    expect(titles[0]).toBe("블로그 주제와 독자 정하기");
    expect(titles).toContain("블로그 개설하고 기본 설정하기");
    expect(titles.at(-1)).toBe("첫 글 발행하고 알리기");
    expect(proposal.tasks.at(-1)!.deadline).toBe("2026-12-21");
    expectLanguage(proposal, "ko");
  });

  it("puts research before building and review before finishing, on prerequisites' edges", () => {
    const r = base({ title: "Launch my side project app", maxTasks: 15 });
    const proposal = expectValidFor(offlineBreakdown(r), r);
    const ref = (title: string) => proposal.tasks.find((t) => t.title === title)!.ref;
    const before = (a: string, b: string) => {
      // b is reachable from a
      const after = new Map(proposal.tasks.map((t) => [t.ref, t.after]));
      const seen = new Set<string>();
      const stack = [ref(b)];
      while (stack.length) {
        const x = stack.pop()!;
        for (const p of after.get(x)!) {
          if (!seen.has(p)) {
            seen.add(p);
            stack.push(p);
          }
        }
      }
      return seen.has(ref(a));
    };
    expect(before("Study three similar products", "Build a first working version")).toBe(true);
    expect(before("Have two or three people try it", "Launch and announce it")).toBe(true);
    expect(before("Define the problem and who it is for", "Launch and announce it")).toBe(true);
  });

  it("spreads the deadlines from today to the target date, the last one on it", () => {
    const r = base({ title: "Learn to play the guitar", targetDate: "2027-03-01" });
    const proposal = expectValidFor(offlineBreakdown(r), r);
    expect(proposal.tasks.at(-1)!.deadline).toBe("2027-03-01");
    expect(new Set(proposal.tasks.map((t) => t.deadline)).size).toBeGreaterThan(4);
    expect(proposal.notes.join(" ")).toContain("2027-03-01");
  });

  it("puts every deadline on today when the target date has passed, and says so", () => {
    const r = base({ title: "Write my thesis", targetDate: "2026-11-30" });
    const proposal = expectValidFor(offlineBreakdown(r), r);
    expect(new Set(proposal.tasks.map((t) => t.deadline))).toEqual(new Set(["2026-12-07"]));
    expect(proposal.notes.join(" ")).toMatch(/has passed/);
  });

  it("merges the least essential steps when fewer tasks are asked, keeping the arc's ends", () => {
    const r = base({ title: "Something entirely unusual", maxTasks: 3 });
    const proposal = expectValidFor(offlineBreakdown(r), r);
    expect(proposal.tasks.map((t) => t.title)).toEqual([
      "Define what done looks like",
      "Make a first small version",
      "Finish and wrap up",
    ]);
    expect(proposal.tasks[1]!.description).toMatch(/Also covers: .*List what you do not know yet/);
    expect(proposal.notes.join(" ")).toMatch(/To fit 3 tasks, 7 steps were merged/);
    // the merged task carries the minutes of what it absorbed
    expect(proposal.tasks[1]!.expectedMinutes).toBeGreaterThan(90);
  });

  it("follows the generic arc with five tasks: define done → find out → first version → review → finish", () => {
    const r = base({ title: "무언가 특별한 것", locale: "ko", maxTasks: 5 });
    const proposal = expectValidFor(offlineBreakdown(r), r);
    expect(proposal.tasks.map((t) => t.title)).toEqual([
      "완료 기준 정하기",
      "모르는 것 목록 만들기",
      "첫 번째 작은 버전 해 보기",
      "중간 점검하기",
      "마무리하고 완료하기",
    ]);
    expect(proposal.tasks.map((t) => t.after)).toEqual([[], ["t1"], ["t2"], ["t3"], ["t4"]]);
  });

  it("estimates each unmerged task by its difficulty (planning.md's table)", () => {
    const table: Record<number, number> = { 1: 15, 2: 30, 3: 45, 5: 90, 8: 150, 13: 240, 21: 360 };
    const r = base({ title: "Prepare for the TOEIC exam", maxTasks: 15 });
    const proposal = offlineBreakdown(r);
    expect(proposal.tasks).toHaveLength(PLANS.exam.steps.length);
    for (const t of proposal.tasks) expect(t.expectedMinutes).toBe(table[t.difficulty]);
  });

  it("keeps the hint in the first task's description", () => {
    const r = base({ title: "Get fit", hint: "I have a bad knee" });
    const proposal = offlineBreakdown(r);
    expect(proposal.tasks[0]!.description).toContain("Keep in mind: I have a bad knee");
  });
});
