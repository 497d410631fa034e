"use client";
// What the player says back, once per page: the switch prompt (ANOTHER_SCHEDULE_ACTIVE) and refusals, each
// by its code. A refusal that means this page shows an old state (ILLEGAL_TRANSITION, CONFLICT, NOT_FOUND)
// also refreshes the page, so the member sees what is true now.
import { useEffect, useId } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { PlayerNotice } from "@/lib/client/player-store";
import { usePlayerStore } from "./store";
import { Dialog } from "./dialog";

const REFRESH_ON: ReadonlySet<string> = new Set([
  "ILLEGAL_TRANSITION",
  "CONFLICT",
  "NOT_FOUND",
  "ANOTHER_SCHEDULE_ACTIVE",
]);
const KNOWN: ReadonlySet<string> = new Set(["ILLEGAL_TRANSITION", "NOT_FOUND", "CONFLICT", "UNAUTHORIZED", "NETWORK"]);

export function PlayerDialogs() {
  const t = useTranslations("player");
  const router = useRouter();
  const notice = usePlayerStore((s) => s.notice);
  const prompt = usePlayerStore((s) => s.switchPrompt);
  const schedules = usePlayerStore((s) => s.schedules);
  const taskTitles = usePlayerStore((s) => s.taskTitles);
  const { transition, dismissNotice, dismissSwitch } = usePlayerStore.getState();
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    if (notice && REFRESH_ON.has(notice.code)) router.refresh();
  }, [notice, router]);

  const target = prompt ? schedules[prompt.scheduleId] : undefined;
  const running = prompt?.runningId ? schedules[prompt.runningId] : undefined;

  return (
    <>
      <div aria-live="assertive" className="fixed inset-x-0 top-2 z-50 flex justify-center px-4">
        {notice ? (
          <div
            role="alert"
            data-testid="player-notice"
            data-code={notice.code}
            className="flex max-w-xl items-start gap-3 rounded-xl border border-red-700 bg-surface px-4 py-3 text-ink shadow-lg"
          >
            <p className="flex-1">{noticeText(notice, t, taskTitles)}</p>
            <button
              type="button"
              onClick={dismissNotice}
              className="min-h-11 shrink-0 rounded-md px-3 font-semibold text-brand hover:bg-surface-tint"
            >
              {t("errors.dismiss")}
            </button>
          </div>
        ) : null}
      </div>
      <Dialog open={prompt !== null} onClose={dismissSwitch} labelledBy={titleId} describedBy={bodyId}>
        <h2 id={titleId} className="text-lg font-semibold">
          {t("switch.title")}
        </h2>
        <p id={bodyId} className="mt-2 text-muted">
          {running
            ? t("switch.body", { running: running.title, title: target?.title ?? "" })
            : t("switch.bodyUnknown", { title: target?.title ?? "" })}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button
            type="button"
            onClick={dismissSwitch}
            className="min-h-11 rounded-lg border border-line px-4 font-semibold hover:bg-surface-tint"
          >
            {t("switch.cancel")}
          </button>
          <button
            type="button"
            autoFocus
            onClick={() => {
              if (!prompt) return;
              // a new click, so a new idempotency key (inside transition)
              void transition(prompt.scheduleId, prompt.action, { switch: true });
            }}
            className="min-h-11 rounded-lg bg-brand px-4 font-semibold text-on-brand hover:bg-brand-strong"
          >
            {t("switch.confirm")}
          </button>
        </div>
      </Dialog>
    </>
  );
}

type Translate = ReturnType<typeof useTranslations<"player">>;

function noticeText(notice: PlayerNotice, t: Translate, taskTitles: Record<string, string>): string {
  if (notice.code === "PREREQUISITES_OPEN") {
    const ids = Array.isArray(notice.details.taskIds)
      ? notice.details.taskIds.filter((x): x is string => typeof x === "string")
      : [];
    return t("errors.PREREQUISITES_OPEN", { tasks: ids.map((id) => taskTitles[id] ?? id).join(", ") });
  }
  if (notice.code === "VALIDATION") return t("errors.VALIDATION", { message: notice.message });
  if (KNOWN.has(notice.code)) return t(`errors.${notice.code as "NOT_FOUND"}`);
  return t("errors.other");
}
