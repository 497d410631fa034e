"use client";
// The player buttons of one schedule: exactly the actions the transition table allows from its state
// (`allowedActions`, from the server or the optimistic guess). Stop asks first when it would throw away
// more than a minute of work.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { formatElapsed, liveElapsedSeconds, type TrackedSchedule } from "@/lib/client/elapsed";
import { serverNowMs } from "@/lib/client/player-store";
import { usePlayerStore } from "./store";
import type { ScheduleAction } from "@/lib/domain/schedule-transitions";
import { Dialog } from "./dialog";

/** stopping discards the sessions: ask when more than this would be lost */
const STOP_CONFIRM_AFTER_SECONDS = 60;

const PRIMARY: ReadonlySet<ScheduleAction> = new Set(["start", "resume", "pause"]);

export function TransitionButtons({ schedule, size = "md" }: { schedule: TrackedSchedule; size?: "md" | "lg" }) {
  const t = useTranslations("player");
  const transition = usePlayerStore((s) => s.transition);
  const pending = usePlayerStore((s) => Boolean(s.pending[schedule.id]));
  const [confirmingStop, setConfirmingStop] = useState<number | null>(null);
  const titleId = useId();
  const bodyId = useId();

  function act(action: ScheduleAction) {
    if (action === "stop") {
      const seconds = liveElapsedSeconds(schedule, serverNowMs(usePlayerStore.getState()));
      if (seconds > STOP_CONFIRM_AFTER_SECONDS) {
        setConfirmingStop(seconds);
        return;
      }
    }
    void transition(schedule.id, action);
  }

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
      <Dialog
        open={confirmingStop !== null}
        onClose={() => setConfirmingStop(null)}
        labelledBy={titleId}
        describedBy={bodyId}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {t("stop.title")}
        </h2>
        <p id={bodyId} className="mt-2 text-muted">
          {t("stop.body", { title: schedule.title, time: formatElapsed(confirmingStop ?? 0) })}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button
            type="button"
            autoFocus
            onClick={() => setConfirmingStop(null)}
            className="min-h-11 rounded-lg border border-line px-4 font-semibold hover:bg-surface-tint"
          >
            {t("stop.cancel")}
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirmingStop(null);
              void transition(schedule.id, "stop");
            }}
            className="min-h-11 rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800"
          >
            {t("stop.confirm")}
          </button>
        </div>
      </Dialog>
    </>
  );
}
