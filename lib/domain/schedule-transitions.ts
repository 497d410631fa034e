// A schedule runs like a track in a music player. This file is domain.md's transition table as
// data: services check it before any write, and the UI shows only the actions it allows.

export const SCHEDULE_STATES = ["NOT_STARTED", "IN_PROGRESS", "PAUSED", "COMPLETED"] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

export const SCHEDULE_ACTIONS = ["start", "pause", "resume", "complete", "stop", "reset"] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

/**
 * from state → action → the state it leads to. An action missing from a row is refused
 * (ILLEGAL_TRANSITION). Cell by cell the table of domain.md.
 */
export const TRANSITIONS: Readonly<Record<ScheduleState, Readonly<Partial<Record<ScheduleAction, ScheduleState>>>>> =
  Object.freeze({
    // completing a schedule that never ran records 0 seconds and one completion
    NOT_STARTED: Object.freeze({ start: "IN_PROGRESS", complete: "COMPLETED" }),
    IN_PROGRESS: Object.freeze({ pause: "PAUSED", complete: "COMPLETED", stop: "NOT_STARTED" }),
    PAUSED: Object.freeze({ resume: "IN_PROGRESS", complete: "COMPLETED", stop: "NOT_STARTED" }),
    COMPLETED: Object.freeze({ reset: "NOT_STARTED" }),
  });

/** the state `action` leads to from `from`, or null when the table refuses it */
export function nextState(from: ScheduleState, action: ScheduleAction): ScheduleState | null {
  return TRANSITIONS[from][action] ?? null;
}

/** the actions the table allows from `from`, in SCHEDULE_ACTIONS order (what ILLEGAL_TRANSITION lists) */
export function allowedActions(from: ScheduleState): ScheduleAction[] {
  return SCHEDULE_ACTIONS.filter((action) => nextState(from, action) !== null);
}

/** what an allowed action does to work sessions */
export type SessionEffect = { closesOpenSession: boolean; opensSession: boolean; discardsSessions: boolean };

/**
 * The effect on work sessions of an action the table allowed. Each action does exactly one thing:
 * - start, resume open a session at now;
 * - pause, complete close the open session at now (complete from NOT_STARTED has none: nothing to close);
 * - stop, reset discard all the schedule's sessions, the open one included, since NOT_STARTED
 *   always means zero elapsed time. There is no point closing a session that is thrown away.
 */
export function sessionEffect(action: ScheduleAction): SessionEffect {
  switch (action) {
    case "start":
    case "resume":
      return { closesOpenSession: false, opensSession: true, discardsSessions: false };
    case "pause":
    case "complete":
      return { closesOpenSession: true, opensSession: false, discardsSessions: false };
    case "stop":
    case "reset":
      return { closesOpenSession: false, opensSession: false, discardsSessions: true };
  }
}

/** actions that run a schedule (subject to "one running per member": ANOTHER_SCHEDULE_ACTIVE or switch) */
export const RUNNING_ACTIONS: readonly ScheduleAction[] = Object.freeze(["start", "resume"] as const);

/**
 * Whether `action` changes nothing but its own schedule: a pause, or a resume that switches nothing (no other
 * schedule is paused for it). Such a transition leaves the day, the week strip, the overdue banner and which paused
 * schedule the mini player falls back to as they were, so the UI needs only the schedule the answer carries and no
 * page is re-rendered for it.
 */
export function changesOnlyItself(action: ScheduleAction, switchRequested: boolean): boolean {
  return action === "pause" || (action === "resume" && !switchRequested);
}
