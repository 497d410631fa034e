// POST /api/v1/goals/{id}/breakdown through the real route handler: the offline proposal in the member's
// language, from the member's local today up to the goal's target date, valid by the contract; another member's
// goal is 404, a bad body is 400 with every field named; and it writes nothing.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as breakdownRoute from "@/app/api/v1/goals/[id]/breakdown/route";
import * as goalsRoute from "@/app/api/v1/goals/route";
import * as meRoute from "@/app/api/v1/me/route";
import { BreakdownProposal } from "@/lib/contracts/breakdown";
import { GoalView } from "@/lib/contracts/goal";
import { MemberView } from "@/lib/contracts/member";
import { db } from "@/lib/db/client";
import { localDate } from "@/lib/domain/time";
import { forgetMembers, invalid, ok, refused, testMember, unknownId, type RouteModule, routeCaller } from "./client";

afterAll(forgetMembers);
// the offline planner: no model configured whatever the machine's environment says
beforeEach(() => {
  vi.stubEnv("AI_BASE_URL", "");
  vi.stubEnv("AI_MODEL", "");
  return () => vi.unstubAllEnvs();
});

const ROUTES: Record<Path, RouteModule> = {
  "/goals": goalsRoute,
  "/goals/{id}/breakdown": breakdownRoute,
  "/me": meRoute,
};
type Path = "/goals" | "/goals/{id}/breakdown" | "/me";

async function signedIn(overrides: { timezone?: string } = {}) {
  const member = await testMember(overrides);
  const call = routeCaller<Path>(ROUTES, member);
  return { member, call };
}

const hasHangul = (s: string) => /[가-힣]/.test(s);
const taskCount = (memberId: string) => db().task.count({ where: { memberId } });

describe("POST /goals/{id}/breakdown", () => {
  it("answers the offline proposal in English for an English member, deadlines from the local today to the target date", async () => {
    const g = await signedIn({ timezone: "Pacific/Kiritimati" }); // UTC+14: its today is often not UTC's
    ok(await g.call("PATCH", "/me", { body: { locale: "en" } }), 200, MemberView);
    const targetDate = "2099-06-30";
    const goal = ok(await g.call("POST", "/goals", { body: { title: "Start a blog", targetDate } }), 201, GoalView);

    const proposal = ok(
      await g.call("POST", "/goals/{id}/breakdown", { params: { id: goal.id }, body: { maxTasks: 5 } }),
      200,
      BreakdownProposal,
    );
    expect(proposal.source).toBe("offline");
    expect(proposal.model).toBeNull();
    expect(proposal.tasks.length).toBeGreaterThanOrEqual(1);
    expect(proposal.tasks.length).toBeLessThanOrEqual(5);
    const today = localDate(new Date(), "Pacific/Kiritimati");
    for (const t of proposal.tasks) {
      expect(hasHangul(t.title), t.title).toBe(false);
      expect(t.deadline >= today && t.deadline <= targetDate, t.deadline).toBe(true);
    }
    expect(proposal.tasks.at(-1)?.deadline).toBe(targetDate);
    expect(await taskCount(g.member.id)).toBe(0); // a proposal writes nothing
  });

  it("answers in Korean for a Korean member, takes {} or no body, and quotes the hint", async () => {
    const g = await signedIn();
    ok(await g.call("PATCH", "/me", { body: { locale: "ko" } }), 200, MemberView);
    const goal = ok(await g.call("POST", "/goals", { body: { title: "2주 안에 블로그 열기" } }), 201, GoalView);

    const bare = ok(await g.call("POST", "/goals/{id}/breakdown", { params: { id: goal.id } }), 200, BreakdownProposal);
    const empty = ok(
      await g.call("POST", "/goals/{id}/breakdown", { params: { id: goal.id }, body: {} }),
      200,
      BreakdownProposal,
    );
    expect(bare).toEqual(empty); // deterministic, and the defaults are the same
    expect(bare.tasks.length).toBeLessThanOrEqual(8);
    for (const t of bare.tasks) expect(hasHangul(t.title), t.title).toBe(true);

    const hinted = ok(
      await g.call("POST", "/goals/{id}/breakdown", { params: { id: goal.id }, body: { hint: "  사진 위주로  " } }),
      200,
      BreakdownProposal,
    );
    expect(hinted.tasks[0]?.description).toContain("사진 위주로");
    expect(await taskCount(g.member.id)).toBe(0);
  });

  it("answers 404 for another member's goal and for an unknown id", async () => {
    const owner = await signedIn();
    const stranger = await signedIn();
    const goal = ok(await owner.call("POST", "/goals", { body: { title: "Learn Go" } }), 201, GoalView);
    refused(
      await stranger.call("POST", "/goals/{id}/breakdown", { params: { id: goal.id }, body: {} }),
      404,
      "NOT_FOUND",
    );
    refused(
      await stranger.call("POST", "/goals/{id}/breakdown", { params: { id: unknownId() }, body: {} }),
      404,
      "NOT_FOUND",
    );
  });

  it("answers 400 naming every bad field", async () => {
    const g = await signedIn();
    const goal = ok(await g.call("POST", "/goals", { body: { title: "Learn Go" } }), 201, GoalView);
    invalid(
      await g.call("POST", "/goals/{id}/breakdown", {
        params: { id: goal.id },
        body: { hint: "x".repeat(501), maxTasks: 2, extra: true },
      }),
      "hint",
      "maxTasks",
      "extra",
    );
    invalid(
      await g.call("POST", "/goals/{id}/breakdown", { params: { id: goal.id }, body: { maxTasks: 16 } }),
      "maxTasks",
    );
    invalid(await g.call("POST", "/goals/{id}/breakdown", { params: { id: "not-an-id" }, body: {} }), "id");
  });
});
