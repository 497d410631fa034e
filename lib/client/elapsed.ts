// The player's clock, as pure functions. A timer that counts its own ticks drifts, stops while a phone
// sleeps and disagrees between two tabs; so the elapsed time is always derived from what the server said:
// the seconds it measured (`elapsedSeconds`, at the server instant `answeredAtMs`) and when the open session
// started (`sessionStartedAt`). The browser's clock is used only through an offset to the server's clock.
import { allowedActions, nextState, sessionEffect, type ScheduleAction } from "@/lib/domain/schedule-transitions";
import type { ScheduleView } from "@/lib/services/views";

/** a schedule as the client keeps it: the server's view and the server instant that view was measured at */
export type TrackedSchedule = ScheduleView & { answeredAtMs: number };

/** how far the server's clock is ahead of this browser's (ms); add it to Date.now() to read server time */
export function clockOffsetMs(serverNowIso: string, clientNowMs: number): number {
  const serverMs = Date.parse(serverNowIso);
  return Number.isFinite(serverMs) ? serverMs - clientNowMs : 0;
}

/** whole seconds from a to b, never negative (a session cannot run backwards because two clocks disagree) */
function wholeSecondsBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / 1000));
}

/**
 * The elapsed seconds of `schedule` at the server instant `serverNowMs`. Without an open session it is what
 * the server said. With one, it is the closed sessions' seconds (the server's figure minus the open session's
 * share at answer time) plus the open session up to now.
 */
export function liveElapsedSeconds(
  schedule: Pick<TrackedSchedule, "elapsedSeconds" | "sessionStartedAt" | "answeredAtMs">,
  serverNowMs: number,
): number {
  if (!schedule.sessionStartedAt) return schedule.elapsedSeconds;
  const startedMs = Date.parse(schedule.sessionStartedAt);
  const openAtAnswer = wholeSecondsBetween(startedMs, schedule.answeredAtMs);
  const closed = Math.max(0, schedule.elapsedSeconds - openAtAnswer);
  return closed + wholeSecondsBetween(startedMs, serverNowMs);
}

/** 75 → "01:15", 3725 → "1:02:05" (a player's display) */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = String(minutes).padStart(2, "0");
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * What a transition is expected to do, for the optimistic update: the transition table's next state and
 * its effect on sessions (start/resume open one now, pause/complete close it, stop/reset discard all).
 * The server's answer replaces this guess; a refusal puts the previous value back. An action the table
 * refuses leaves the schedule as it is.
 */
export function predictTransition(
  schedule: TrackedSchedule,
  action: ScheduleAction,
  serverNowMs: number,
): TrackedSchedule {
  const state = nextState(schedule.state, action);
  if (!state) return schedule;
  const effect = sessionEffect(action);
  const elapsed = effect.discardsSessions ? 0 : liveElapsedSeconds(schedule, serverNowMs);
  return {
    ...schedule,
    state,
    allowedActions: allowedActions(state),
    elapsedSeconds: elapsed,
    sessionStartedAt: effect.opensSession ? new Date(serverNowMs).toISOString() : null,
    answeredAtMs: serverNowMs,
  };
}

/** how far a track is through its planned length (0–1), and by how many whole minutes it ran over */
export function trackProgress(elapsedSeconds: number, plannedMinutes: number): { ratio: number; overMinutes: number } {
  const planned = Math.max(1, plannedMinutes * 60);
  return {
    ratio: Math.min(1, Math.max(0, elapsedSeconds / planned)),
    overMinutes: Math.max(0, Math.floor((elapsedSeconds - planned) / 60)),
  };
}
