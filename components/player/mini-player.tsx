"use client";
// The mini player at the bottom of every signed-in page: the running schedule, else the most recently
// paused one (currentSchedule() on the server, then the store as the member plays). Title, live timer,
// and the buttons the transition table allows. State changes are announced politely; ticks are not.
import { useTranslations } from "next-intl";
import type { TrackedSchedule } from "@/lib/client/elapsed";
import { usePlayerStore } from "./store";
import type { ScheduleView } from "@/lib/services/views";
import { ElapsedTime } from "./elapsed-time";
import { TransitionButtons } from "./transition-buttons";

export function MiniPlayer({ initial, serverNow }: { initial: ScheduleView | null; serverNow: string }) {
  const t = useTranslations("player");
  const hydrated = usePlayerStore((s) => s.hydrated);
  const pendingIds = usePlayerStore((s) => s.pending);
  const fromStore = usePlayerStore((s) => (s.currentId ? (s.schedules[s.currentId] ?? null) : null));
  const schedule: TrackedSchedule | null = hydrated
    ? fromStore
    : initial && { ...initial, answeredAtMs: Date.parse(serverNow) };

  return (
    <>
      {/* always in the page, so that screen readers hear the change when the player appears or changes */}
      <p role="status" aria-live="polite" className="sr-only">
        {schedule ? t(`player.announce.${schedule.state}`, { title: schedule.title }) : ""}
      </p>
      {schedule && (schedule.state === "IN_PROGRESS" || schedule.state === "PAUSED") ? (
        <section
          aria-label={t("player.region")}
          data-testid="mini-player"
          data-state={schedule.state}
          aria-busy={pendingIds[schedule.id] ? true : undefined}
          className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface/95 pb-[env(safe-area-inset-bottom)] shadow-[0_-4px_16px_rgba(0,0,0,0.08)] backdrop-blur"
        >
          <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3 sm:px-8">
            {/* a phone gets the title and timer on one row and the buttons on the next */}
            <div className="flex w-full min-w-0 items-baseline justify-between gap-3 sm:w-auto sm:flex-1 sm:flex-col sm:items-start sm:gap-0">
              <p className="min-w-0 truncate font-semibold">{schedule.title}</p>
              <p className="flex shrink-0 items-center gap-2 text-sm whitespace-nowrap text-muted">
                <span
                  aria-hidden="true"
                  className={`inline-block size-2 rounded-full ${schedule.state === "IN_PROGRESS" ? "animate-pulse bg-brand" : "bg-muted"}`}
                />
                <span>{t(`states.${schedule.state}`)}</span>
                <span aria-hidden="true">·</span>
                <ElapsedTime
                  schedule={schedule}
                  label={t("player.elapsed")}
                  className="text-base font-semibold text-ink"
                />
              </p>
            </div>
            <TransitionButtons schedule={schedule} />
          </div>
        </section>
      ) : null}
    </>
  );
}
