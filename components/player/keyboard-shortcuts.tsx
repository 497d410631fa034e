"use client";
// Desktop keyboard shortcuts: space starts, pauses or resumes; c completes; ? shows the help. They stay out
// of the way of typing and of the focused control's own keys (space on a button presses that button).
import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { usePlayerStore } from "./store";
import type { ScheduleAction } from "@/lib/domain/schedule-transitions";
import { Dialog } from "./dialog";

/** elements whose own keys win over the shortcuts */
const OWN_KEYS =
  "input, textarea, select, button, a[href], summary, [contenteditable=''], [contenteditable='true'], [role='button'], dialog";

/** what space does: pause or resume the mini player's schedule, else start the day's first not-started one */
function spaceAction(): { id: string; action: ScheduleAction } | null {
  const { currentId, schedules, dayIds } = usePlayerStore.getState();
  const current = currentId ? schedules[currentId] : undefined;
  if (current?.state === "IN_PROGRESS") return { id: current.id, action: "pause" };
  if (current?.state === "PAUSED") return { id: current.id, action: "resume" };
  const next = dayIds.map((id) => schedules[id]).find((s) => s?.state === "NOT_STARTED");
  return next ? { id: next.id, action: "start" } : null;
}

export function KeyboardShortcuts() {
  const t = useTranslations("player");
  const [helpOpen, setHelpOpen] = useState(false);
  const titleId = useId();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(OWN_KEYS)) return;
      if (document.querySelector("dialog[open]")) return;
      const { transition, currentId, schedules } = usePlayerStore.getState();
      if (event.key === "?") {
        event.preventDefault();
        setHelpOpen(true);
      } else if (event.key === " ") {
        const next = spaceAction();
        if (!next) return;
        event.preventDefault(); // no page scroll
        void transition(next.id, next.action);
      } else if (event.key === "c" || event.key === "C") {
        const current = currentId ? schedules[currentId] : undefined;
        if (!current?.allowedActions.includes("complete")) return;
        event.preventDefault();
        void transition(current.id, "complete");
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => setHelpOpen(true)}
        aria-keyshortcuts="?"
        className="hidden min-h-11 items-center rounded-md px-3 font-medium text-muted hover:bg-surface-tint md:inline-flex"
      >
        {t("nav.shortcuts")}
        <kbd aria-hidden="true" className="ml-2 rounded border border-line px-1.5 text-xs">
          ?
        </kbd>
      </button>
      <Dialog open={helpOpen} onClose={() => setHelpOpen(false)} labelledBy={titleId}>
        <h2 id={titleId} className="text-lg font-semibold">
          {t("shortcuts.title")}
        </h2>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-3">
          <dt>
            <kbd className="rounded border border-line px-2 py-0.5">Space</kbd>
          </dt>
          <dd>{t("shortcuts.space")}</dd>
          <dt>
            <kbd className="rounded border border-line px-2 py-0.5">C</kbd>
          </dt>
          <dd>{t("shortcuts.complete")}</dd>
          <dt>
            <kbd className="rounded border border-line px-2 py-0.5">?</kbd>
          </dt>
          <dd>{t("shortcuts.help")}</dd>
        </dl>
        <div className="mt-5 flex justify-end">
          <button
            type="button"
            autoFocus
            onClick={() => setHelpOpen(false)}
            className="min-h-11 rounded-lg bg-brand px-4 font-semibold text-on-brand hover:bg-brand-strong"
          >
            {t("shortcuts.close")}
          </button>
        </div>
      </Dialog>
    </>
  );
}
