"use client";
// The app's player store: lib/client/player-store.ts wired to the schedule server actions.
import { transitionScheduleAction, updateScheduleAction } from "@/app/(app)/schedules/actions";
import { createPlayerStore } from "@/lib/client/player-store";

export const usePlayerStore = createPlayerStore({
  transition: transitionScheduleAction,
  reschedule: updateScheduleAction,
});
