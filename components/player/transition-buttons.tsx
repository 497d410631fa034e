"use client";
// The player buttons of one schedule: exactly the actions the transition table allows from its state
// (`allowedActions`, from the server or the optimistic guess). Stop and reset ask first when they would throw
// away more than a minute of work; reset also asks when it would reopen the linked task (which may then block a
// follow-up), and says so.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { formatElapsed, liveElapsedSeconds, type TrackedSchedule } from "@/lib/client/elapsed";
import { serverNowMs } from "@/lib/client/player-store";
import { usePlayerStore } from "./store";
import type { ScheduleAction } from "@/lib/domain/schedule-transitions";
import { Dialog } from "./dialog";

/** stopping or resetting discards the sessions: ask when more than this would be lost */
const CONFIRM_AFTER_SECONDS = 60;

type Confirming = { action: "stop" | "reset"; seconds: number };

const PRIMARY: ReadonlySet<ScheduleAction> = new Set(["start", "resume", "pause"]);

export function TransitionButtons({ schedule, size = "md" }: { schedule: TrackedSchedule; size?: "md" | "lg" }) {
  const t = useTranslations("player");
  const transition = usePlayerStore((s) => s.transition);
  const pending = usePlayerStore((s) => Boolean(s.pending[schedule.id]));
  const taskTitle = usePlayerStore((s) => (schedule.taskId ? s.taskTitles[schedule.taskId] : undefined));
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const titleId = useId();
  const bodyId = useId();

  function act(action: ScheduleAction) {
    if (action === "stop" || action === "reset") {
      const seconds = liveElapsedSeconds(schedule, serverNowMs(usePlayerStore.getState()));
      const reopensTask = action === "reset" && schedule.taskId !== null;
      if (seconds > CONFIRM_AFTER_SECONDS || reopensTask) {
        setConfirming({ action, seconds });
        return;
      }
    }
    void transition(schedule.id, action);
  }
  const texts = confirming?.action ?? "stop";

  const height = size === "lg" ? "min-h-12 px-4" : "min-h-11 px-3";
  return (
    <>
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("card.controls", { title: schedule.title })}>
        {schedule.allowedActions.map((action) => (
          <button
            key={action}
            type="button"
            onClick={() => act(action)}
            aria-disabled={pending || undefined}
            data-action={action}
            className={`${height} inline-flex items-center justify-center rounded-lg font-semibold aria-disabled:opacity-60 ${
              PRIMARY.has(action)
                ? "bg-brand text-on-brand hover:bg-brand-strong"
                : "border border-line bg-surface text-ink hover:bg-surface-tint"
            }`}
          >
            {t(`actions.${action}`)}
          </button>
        ))}
      </div>
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} labelledBy={titleId} describedBy={bodyId}>
        <h2 id={titleId} className="text-lg font-semibold">
          {t(`${texts}.title`)}
        </h2>
        <p id={bodyId} className="mt-2 text-muted">
          {texts === "reset" && (confirming?.seconds ?? 0) <= CONFIRM_AFTER_SECONDS
            ? t("reset.bodyShort", { title: schedule.title })
            : t(`${texts}.body`, { title: schedule.title, time: formatElapsed(confirming?.seconds ?? 0) })}
          {texts === "reset" && schedule.taskId
            ? ` ${t("reset.reopens", { task: taskTitle ?? schedule.title })}`
            : null}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button
            type="button"
            autoFocus
            onClick={() => setConfirming(null)}
            className="min-h-11 rounded-lg border border-line px-4 font-semibold hover:bg-surface-tint"
          >
            {t(`${texts}.cancel`)}
          </button>
          <button
            type="button"
            onClick={() => {
              const action = confirming?.action;
              setConfirming(null);
              if (action) void transition(schedule.id, action);
            }}
            className="min-h-11 rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800"
          >
            {t(`${texts}.confirm`)}
          </button>
        </div>
      </Dialog>
    </>
  );
}
