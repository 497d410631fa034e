import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  SCHEDULE_ACTIONS,
  SCHEDULE_STATES,
  RUNNING_ACTIONS,
  TRANSITIONS,
  allowedActions,
  changesOnlyItself,
  nextState,
  sessionEffect,
  type ScheduleAction,
  type ScheduleState,
} from "@/lib/domain/schedule-transitions";
import { elapsedSeconds } from "@/lib/domain/time";

// domain.md's table, copied out cell by cell ("–" is null)
const EXPECTED: Record<ScheduleState, Record<ScheduleAction, ScheduleState | null>> = {
  NOT_STARTED: { start: "IN_PROGRESS", pause: null, resume: null, complete: "COMPLETED", stop: null, reset: null },
  IN_PROGRESS: { start: null, pause: "PAUSED", resume: null, complete: "COMPLETED", stop: "NOT_STARTED", reset: null },
  PAUSED: { start: null, pause: null, resume: "IN_PROGRESS", complete: "COMPLETED", stop: "NOT_STARTED", reset: null },
  COMPLETED: { start: null, pause: null, resume: null, complete: null, stop: null, reset: "NOT_STARTED" },
};

describe("the transition table", () => {
  it("lists the states and actions of domain.md", () => {
    expect([...SCHEDULE_STATES]).toEqual(["NOT_STARTED", "IN_PROGRESS", "PAUSED", "COMPLETED"]);
    expect([...SCHEDULE_ACTIONS]).toEqual(["start", "pause", "resume", "complete", "stop", "reset"]);
  });

  for (const from of SCHEDULE_STATES) {
    for (const action of SCHEDULE_ACTIONS) {
      const expected = EXPECTED[from][action];
      it(`${from} --${action}--> ${expected ?? "refused"}`, () => {
        expect(nextState(from, action)).toBe(expected);
        expect(TRANSITIONS[from][action] ?? null).toBe(expected);
      });
    }
  }

  it("has no cell beyond the table", () => {
    for (const from of SCHEDULE_STATES) {
      const defined = Object.keys(TRANSITIONS[from]).sort();
      const expected = SCHEDULE_ACTIONS.filter((a) => EXPECTED[from][a] !== null).sort();
      expect(defined).toEqual(expected);
    }
  });

  it("lists allowed actions in SCHEDULE_ACTIONS order", () => {
    expect(allowedActions("NOT_STARTED")).toEqual(["start", "complete"]);
    expect(allowedActions("IN_PROGRESS")).toEqual(["pause", "complete", "stop"]);
    expect(allowedActions("PAUSED")).toEqual(["resume", "complete", "stop"]);
    expect(allowedActions("COMPLETED")).toEqual(["reset"]);
  });

  it("cannot be changed at run time", () => {
    expect(() => {
      (TRANSITIONS.COMPLETED as Record<string, string>).start = "IN_PROGRESS";
    }).toThrow(TypeError);
    expect(nextState("COMPLETED", "start")).toBeNull();
  });

  it("says which actions run a schedule", () => {
    expect([...RUNNING_ACTIONS]).toEqual(["start", "resume"]);
  });

  it("gives each action its effect on sessions", () => {
    expect(sessionEffect("start")).toEqual({ closesOpenSession: false, opensSession: true, discardsSessions: false });
    expect(sessionEffect("resume")).toEqual({ closesOpenSession: false, opensSession: true, discardsSessions: false });
    expect(sessionEffect("pause")).toEqual({ closesOpenSession: true, opensSession: false, discardsSessions: false });
    expect(sessionEffect("complete")).toEqual({
      closesOpenSession: true,
      opensSession: false,
      discardsSessions: false,
    });
    expect(sessionEffect("stop").discardsSessions).toBe(true);
    expect(sessionEffect("stop").opensSession).toBe(false);
    expect(sessionEffect("reset").discardsSessions).toBe(true);
    expect(sessionEffect("reset").opensSession).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// A schedule simulated on a fake clock, driven only by the table and sessionEffect
// ---------------------------------------------------------------------------------------------

type Session = { startedAt: Date; endedAt: Date | null };

/** one user step: wait `gapMs`, then press an action (an allowed one, or any one to see it refused) */
const stepArb = fc.record({
  gapMs: fc.integer({ min: 1, max: 3 * 3_600_000 }),
  pickAllowed: fc.boolean(),
  pick: fc.nat(),
  anyAction: fc.constantFrom(...SCHEDULE_ACTIONS),
});

/** the whole seconds of each session counted by hand, not through lib/domain/time */
function secondsByHand(sessions: readonly Session[], now: Date): number {
  let total = 0;
  for (const s of sessions) {
    const end = s.endedAt ?? now;
    total += Math.max(0, Math.floor((end.getTime() - s.startedAt.getTime()) / 1000));
  }
  return total;
}

describe("a schedule driven by the table", () => {
  it("keeps its sessions and elapsed time consistent after every step", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let state: ScheduleState = "NOT_STARTED";
        let sessions: Session[] = [];
        let now = new Date(Date.UTC(2026, 10, 25, 9, 0, 0));

        for (const step of steps) {
          now = new Date(now.getTime() + step.gapMs);
          const allowed = allowedActions(state);
          const action: ScheduleAction = step.pickAllowed ? allowed[step.pick % allowed.length]! : step.anyAction;
          const to = nextState(state, action);

          if (!allowed.includes(action)) {
            expect(to).toBeNull();
            continue; // a refusal changes nothing
          }
          expect(to).toBe(EXPECTED[state][action]);
          if (to === null) throw new Error("an allowed action must lead somewhere");

          const effect = sessionEffect(action);
          const elapsedBefore = elapsedSeconds(sessions, now);
          if (effect.closesOpenSession) {
            sessions = sessions.map((s) => (s.endedAt === null ? { ...s, endedAt: now } : s));
          }
          if (effect.discardsSessions) sessions = [];
          if (effect.opensSession) sessions = [...sessions, { startedAt: now, endedAt: null }];
          state = to;

          const elapsed = elapsedSeconds(sessions, now);
          const open = sessions.filter((s) => s.endedAt === null);

          // NOT_STARTED means nothing recorded; the only other state without sessions is a
          // completion that never ran (domain.md: "COMPLETED (0 s recorded)")
          if (state === "NOT_STARTED") {
            expect(elapsed).toBe(0);
            expect(sessions).toEqual([]);
          }
          if (sessions.length === 0) expect(["NOT_STARTED", "COMPLETED"]).toContain(state);
          expect(elapsed).toBe(secondsByHand(sessions, now));
          // a transition never changes the time already worked, except that stop/reset drop it
          if (!effect.discardsSessions) expect(elapsed).toBe(elapsedBefore);
          // at most one open session, and one exactly while running
          expect(open.length).toBeLessThanOrEqual(1);
          expect(open.length === 1).toBe(state === "IN_PROGRESS");
          // sessions do not run backwards and do not overlap (they are kept in start order)
          for (const [i, s] of sessions.entries()) {
            if (s.endedAt) expect(s.endedAt.getTime()).toBeGreaterThanOrEqual(s.startedAt.getTime());
            const following = sessions[i + 1];
            if (following) {
              expect(s.endedAt).not.toBeNull();
              expect(following.startedAt.getTime()).toBeGreaterThanOrEqual(s.endedAt!.getTime());
            }
          }
          // time passing adds to elapsed only while running
          const later = new Date(now.getTime() + 5_000);
          expect(elapsedSeconds(sessions, later) - elapsed).toBe(state === "IN_PROGRESS" ? 5 : 0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("changesOnlyItself: which transitions re-render no page", () => {
  it("is a pause, or a resume that switches nothing", () => {
    expect(changesOnlyItself("pause", false)).toBe(true);
    expect(changesOnlyItself("pause", true)).toBe(true);
    expect(changesOnlyItself("resume", false)).toBe(true);
  });

  it("is never a transition that can change another schedule, the day or the statistics", () => {
    // a resume with switch may pause the running schedule; start, complete, stop and reset change what the day shows
    expect(changesOnlyItself("resume", true)).toBe(false);
    for (const action of ["start", "complete", "stop", "reset"] as const) {
      expect(changesOnlyItself(action, false)).toBe(false);
      expect(changesOnlyItself(action, true)).toBe(false);
    }
  });
});
