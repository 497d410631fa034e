"use client";
// The player's client state (zustand): the schedules this browser knows, which one the mini player shows,
// and the refusal or switch prompt being shown. Server components hand their data in with `hydrate`; clicks
// go through `transition`, which updates at once (optimistic) and puts the previous value back if the server
// refuses. The server's answer always wins: a view with a newer version replaces what is here.
//
// The server actions are handed in (createPlayerStore), not imported: lib/ does not reach into app/, and the
// unit tests drive the store with fakes. The app's one store is components/player/store.ts.
import { create } from "zustand";
import { actionError, type ActionError } from "@/lib/actions/result";
import { RUNNING_ACTIONS, type ScheduleAction } from "@/lib/domain/schedule-transitions";
import type { ScheduleView } from "@/lib/services/views";
import { clockOffsetMs, predictTransition, type TrackedSchedule } from "./elapsed";

/** a refusal to show; `code` picks the message (player.errors.<code>) */
export type PlayerNotice = {
  code: string;
  message: string;
  scheduleId: string | null;
  details: Record<string, unknown>;
};

/** "another schedule is running: switch to this one?" */
export type SwitchPrompt = { scheduleId: string; action: ScheduleAction; runningId: string | null };

type HydrateInput = {
  /** when the server measured the views (ISO), read in the same request as them */
  serverNow: string;
  schedules?: ScheduleView[];
  /** the mini player's schedule (currentSchedule()); undefined: this page does not say */
  current?: ScheduleView | null;
  /** task id → title, to name linked tasks and open prerequisites */
  taskTitles?: Record<string, string>;
  /** the day view's schedules in start order (what the space key starts when nothing plays) */
  dayIds?: string[];
};

/** what a server action answers (next-safe-action): the view, or a refusal */
export type ActionResult<T> = Parameters<typeof actionError>[0] & { data?: T };

/** the server actions the player calls (app/(app)/schedules/actions.ts in the app) */
export type PlayerActions = {
  transition(input: {
    id: string;
    action: ScheduleAction;
    switch: boolean;
    idempotencyKey: string;
  }): Promise<ActionResult<ScheduleView> | undefined>;
  reschedule(input: { id: string; startAt: string; version: number }): Promise<ActionResult<ScheduleView> | undefined>;
};

export type PlayerState = {
  /** false until a server render has handed its data in (components show their server props until then) */
  hydrated: boolean;
  dayIds: string[];
  /** server clock − browser clock, ms */
  offsetMs: number;
  schedules: Record<string, TrackedSchedule>;
  currentId: string | null;
  taskTitles: Record<string, string>;
  /** schedule id → a transition is on its way */
  pending: Record<string, true>;
  notice: PlayerNotice | null;
  switchPrompt: SwitchPrompt | null;

  hydrate(input: HydrateInput): void;
  /** runs `action` on a schedule; resolves once the server has answered (and the store reflects it) */
  transition(id: string, action: ScheduleAction, options?: { switch?: boolean }): Promise<boolean>;
  /** moves a not-started schedule to `startAt` (keeps everything else) */
  reschedule(id: string, startAt: Date): Promise<boolean>;
  dismissNotice(): void;
  dismissSwitch(): void;
};

/** the server's clock now, as this browser best knows it */
export function serverNowMs(state: Pick<PlayerState, "offsetMs">): number {
  return Date.now() + state.offsetMs;
}

const NETWORK_ERROR: ActionError = {
  code: "NETWORK",
  message: "The server could not be reached.",
  fieldErrors: {},
  details: {},
};

/** the mini player's schedule after an optimistic change: the running one, else the one just paused */
function currentAfter(
  schedules: Record<string, TrackedSchedule>,
  previous: string | null,
  changedId: string,
): string | null {
  const running = Object.values(schedules).find((s) => s.state === "IN_PROGRESS");
  if (running) return running.id;
  const changed = schedules[changedId];
  if (changed?.state === "PAUSED") return changed.id;
  if (previous && schedules[previous]?.state === "PAUSED") return previous;
  // the server knows which other paused schedule comes next; the refresh after the action brings it
  return null;
}

/**
 * Calls a server action; a failure to reach the server (thrown, not a refusal) is retried once with the same
 * input, so the same idempotency key: if the first request did arrive, the retry gets its answer back.
 */
async function callWithRetry<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    try {
      return await call();
    } catch {
      return undefined;
    }
  }
}

/** a player store that calls `actions`; the app makes one (components/player/store.ts), tests make their own */
export const createPlayerStore = (actions: PlayerActions) =>
  create<PlayerState>()((set, get) => ({
    hydrated: false,
    dayIds: [],
    offsetMs: 0,
    schedules: {},
    currentId: null,
    taskTitles: {},
    pending: {},
    notice: null,
    switchPrompt: null,

    hydrate({ serverNow, schedules = [], current, taskTitles, dayIds }) {
      const answeredAtMs = Date.parse(serverNow);
      set((state) => {
        const next = { ...state.schedules };
        const incoming = current ? [...schedules, current] : schedules;
        for (const view of incoming) {
          const known = next[view.id];
          // an older render (a cached page) must not undo a newer answer
          if (known && known.version > view.version) continue;
          next[view.id] = { ...view, answeredAtMs };
        }
        return {
          hydrated: true,
          dayIds: dayIds ?? state.dayIds,
          offsetMs: clockOffsetMs(serverNow, Date.now()),
          schedules: next,
          currentId: current === undefined ? state.currentId : (current?.id ?? null),
          taskTitles: taskTitles ? { ...state.taskTitles, ...taskTitles } : state.taskTitles,
        };
      });
    },

    async transition(id, action, options = {}) {
      const before = get();
      const schedule = before.schedules[id];
      if (!schedule || before.pending[id]) return false;
      // one key per click: a retry of this click reuses it, a new click (such as "switch") makes a new one
      const idempotencyKey = crypto.randomUUID();
      const now = serverNowMs(before);

      // optimistic: the expected state at once (and the running one paused when switching)
      const optimistic = { ...before.schedules, [id]: predictTransition(schedule, action, now) };
      if (options.switch && RUNNING_ACTIONS.includes(action)) {
        for (const other of Object.values(optimistic)) {
          if (other.id !== id && other.state === "IN_PROGRESS")
            optimistic[other.id] = predictTransition(other, "pause", now);
        }
      }
      const snapshot = { schedules: before.schedules, currentId: before.currentId };
      set({
        schedules: optimistic,
        currentId: currentAfter(optimistic, before.currentId, id),
        pending: { ...before.pending, [id]: true },
        notice: null,
        switchPrompt: null,
      });

      const result = await callWithRetry(() =>
        actions.transition({ id, action, switch: options.switch ?? false, idempotencyKey }),
      );
      const { [id]: _done, ...pending } = get().pending;
      void _done;

      if (result?.data) {
        const answered = { ...result.data, answeredAtMs: serverNowMs(get()) };
        set((state) => {
          const schedules = { ...state.schedules, [id]: answered };
          return { schedules, pending, currentId: currentAfter(schedules, state.currentId, id) };
        });
        return true;
      }

      // refused: put back what was there, and say why
      const error = actionError(result) ?? NETWORK_ERROR;
      set({
        schedules: { ...get().schedules, ...pickKnown(snapshot.schedules, Object.keys(optimistic)) },
        currentId: snapshot.currentId,
        pending,
      });
      if (error.code === "ANOTHER_SCHEDULE_ACTIVE") {
        const runningId = typeof error.details.activeScheduleId === "string" ? error.details.activeScheduleId : null;
        set({ switchPrompt: { scheduleId: id, action, runningId } });
      } else {
        set({ notice: { code: error.code, message: error.message, scheduleId: id, details: error.details } });
      }
      return false;
    },

    async reschedule(id, startAt) {
      const schedule = get().schedules[id];
      if (!schedule || get().pending[id]) return false;
      set({ pending: { ...get().pending, [id]: true }, notice: null });
      const result = await callWithRetry(() =>
        actions.reschedule({ id, startAt: startAt.toISOString(), version: schedule.version }),
      );
      const { [id]: _done, ...pending } = get().pending;
      void _done;
      if (result?.data) {
        const answered = { ...result.data, answeredAtMs: serverNowMs(get()) };
        set((state) => ({ schedules: { ...state.schedules, [id]: answered }, pending }));
        return true;
      }
      const error = actionError(result) ?? NETWORK_ERROR;
      set({ pending, notice: { code: error.code, message: error.message, scheduleId: id, details: error.details } });
      return false;
    },

    dismissNotice: () => set({ notice: null }),
    dismissSwitch: () => set({ switchPrompt: null }),
  }));

/** the entries of `from` for `ids` (schedules missing there stay as they are) */
function pickKnown(from: Record<string, TrackedSchedule>, ids: string[]): Record<string, TrackedSchedule> {
  const out: Record<string, TrackedSchedule> = {};
  for (const id of ids) {
    const s = from[id];
    if (s) out[id] = s;
  }
  return out;
}
