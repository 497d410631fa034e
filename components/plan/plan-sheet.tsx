"use client";
// "Plan my week" (docs/planner.md "The plan sheet"): a button that opens a sheet, asks the planner where the open
// tasks without a schedule could go in the next seven days, and draws the answer as ghost blocks: a week picture
// and a day-by-day list in which each block can be dropped (and put back) or moved before "Add to calendar" accepts
// the kept ones. Unplaced tasks say why and what to do; a CONFLICT (the calendar changed meanwhile) names the blocks that
// no longer fit and offers a new proposal. One idempotency key per version of the kept blocks: a double click, a
// retry or a second submit of the same blocks creates the schedules once.
import type { Route } from "next";
import Link from "next/link";
import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { acceptPlanAction, proposePlanAction } from "@/app/(app)/plan/actions";
import { Dialog } from "@/components/player/dialog";
import { quietButtonClass, textLinkClass } from "@/components/tasks/styles";
import { actionError } from "@/lib/actions/result";
import type { PlacementRefusal } from "@/lib/contracts/plan";
import type { PlanProposal } from "@/lib/contracts/plan-sheet";
import { addDays } from "@/lib/domain/time";
import { MoveBlock } from "./move-block";
import { PlanWeek } from "./plan-week";
import { byDay, daysBetween, endOf, endsLate, filledUntil, totalMinutes, withMoves } from "./plan-layout";

/** the days a plan covers: today and the six after it */
export const PLAN_DAYS = 7;

type Props = {
  /** the member's today (YYYY-MM-DD, their zone) */
  today: string;
  timeZone: string;
  /** whether any weekday has a working interval */
  hasWorkingHours: boolean;
  /** plan only this goal's tasks */
  goalId?: string;
};

type Conflict = { taskId: string; reason: PlacementRefusal };
type State =
  | { step: "closed" }
  | { step: "loading" }
  | { step: "error"; message: string }
  | { step: "proposal"; proposal: PlanProposal }
  | { step: "accepted"; count: number };

const primaryButtonClass =
  "inline-flex min-h-12 items-center justify-center gap-2 rounded-lg bg-brand px-5 font-semibold text-on-brand " +
  "hover:bg-brand-strong disabled:cursor-wait disabled:opacity-60";

export function PlanSheet({ today, timeZone, hasWorkingHours, goalId }: Props) {
  const t = useTranslations("plan");
  const locale = useLocale();
  const intlLocale = locale === "ko" ? "ko-KR" : "en-US";
  const titleId = useId();
  const [state, setState] = useState<State>({ step: "closed" });
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [moves, setMoves] = useState<ReadonlyMap<string, string>>(new Map());
  const [moving, setMoving] = useState<string | null>(null);
  const [key, setKey] = useState("");
  const [accepting, setAccepting] = useState(false);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [acceptError, setAcceptError] = useState<string | null>(null);

  const from = today;
  const to = addDays(today, PLAN_DAYS - 1);
  const open = state.step !== "closed";

  const time = new Intl.DateTimeFormat(intlLocale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const dayLabel = (date: string) =>
    new Intl.DateTimeFormat(intlLocale, { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }).format(
      new Date(`${date}T12:00:00.000Z`),
    );
  const weekdayLabel = (date: string) =>
    new Intl.DateTimeFormat(intlLocale, { weekday: "short", timeZone: "UTC" }).format(
      new Date(`${date}T12:00:00.000Z`),
    );
  const weekday = new Intl.DateTimeFormat(intlLocale, { weekday: "long", timeZone });
  // "Thursday 15:00" / "목요일 15:00": one formatter with both parts writes Korean as "(목요일) 15:00"
  const until = (instant: Date) => `${weekday.format(instant)} ${time.format(instant)}`;
  const duration = (minutes: number) =>
    minutes < 60
      ? t("minutes", { count: minutes })
      : minutes % 60 === 0
        ? t("hours", { hours: minutes / 60 })
        : t("duration", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });

  async function propose() {
    setState({ step: "loading" });
    setDropped(new Set());
    setMoves(new Map());
    setMoving(null);
    setConflicts([]);
    setAcceptError(null);
    setKey(crypto.randomUUID());
    const result = await proposePlanAction({ from, to, ...(goalId ? { goalId } : {}) }).catch(() => undefined);
    if (result?.data) setState({ step: "proposal", proposal: result.data });
    else setState({ step: "error", message: actionError(result)?.message ?? t("error") });
  }

  function toggle(taskId: string) {
    setDropped((before) => {
      const next = new Set(before);
      if (!next.delete(taskId)) next.add(taskId);
      return next;
    });
    // another set of blocks is another request: it gets its own key
    setKey(crypto.randomUUID());
    setAcceptError(null);
  }

  function move(taskId: string, startAt: string) {
    setMoves((before) => new Map(before).set(taskId, startAt));
    setMoving(null);
    // another set of blocks is another request: it gets its own key
    setKey(crypto.randomUUID());
    setAcceptError(null);
  }

  async function accept(proposal: PlanProposal) {
    if (accepting) return;
    const kept = withMoves(proposal.placements, moves).filter((p) => !dropped.has(p.taskId));
    if (kept.length === 0) return;
    setAccepting(true);
    setConflicts([]);
    setAcceptError(null);
    const result = await acceptPlanAction({ placements: kept, idempotencyKey: key }).catch(() => undefined);
    setAccepting(false);
    if (result?.data) {
      setState({ step: "accepted", count: result.data.schedules.length });
      return;
    }
    const error = actionError(result);
    const placements = error?.code === "CONFLICT" ? (error.details.placements as Conflict[] | undefined) : undefined;
    if (placements?.length) setConflicts(placements);
    else setAcceptError(error?.message ?? t("error"));
  }

  return (
    <>
      <button type="button" onClick={() => void propose()} className={quietButtonClass} data-testid="plan-open">
        {t("open")}
      </button>
      <Dialog open={open} onClose={() => setState({ step: "closed" })} labelledBy={titleId} variant="sheet">
        <div className="flex flex-col gap-4" data-testid="plan-sheet">
          <div>
            <h2 id={titleId} className="text-xl font-semibold">
              {t("title")}
            </h2>
            <p className="text-sm text-muted">
              {t("range", { from: dayLabel(from), to: dayLabel(to) })} · {goalId ? t("scopeGoal") : t("scopeAll")}
            </p>
          </div>

          {state.step === "loading" ? (
            <p role="status" className="py-6 text-center text-muted" data-testid="plan-loading">
              {t("loading")}
            </p>
          ) : null}

          {state.step === "error" ? (
            <div className="flex flex-col items-start gap-3">
              <p role="alert" className="font-medium text-red-700 dark:text-red-300">
                {state.message}
              </p>
              <button type="button" onClick={() => void propose()} className={quietButtonClass}>
                {t("retry")}
              </button>
            </div>
          ) : null}

          {state.step === "accepted" ? (
            <p role="status" className="rounded-lg bg-surface-tint px-3 py-2 font-medium" data-testid="plan-accepted">
              {t("accepted", { count: state.count })}
            </p>
          ) : null}

          {state.step === "proposal"
            ? (() => {
                const { proposal } = state;
                const titles = new Map(proposal.tasks.map((x) => [x.id, x]));
                const title = (taskId: string) => titles.get(taskId)?.title ?? "—";
                const placements = withMoves(proposal.placements, moves);
                const kept = placements.filter((p) => !dropped.has(p.taskId));
                const removed = placements.filter((p) => dropped.has(p.taskId));
                const days = daysBetween(from, to);
                const grouped = byDay(kept, timeZone);
                const late = kept.filter((p) => endsLate(p, titles.get(p.taskId)?.deadline, timeZone));
                const end = filledUntil(kept);
                const conflictOf = new Map(conflicts.map((c) => [c.taskId, c.reason]));

                if (proposal.placements.length === 0 && proposal.unplaced.length === 0) {
                  return hasWorkingHours ? (
                    <p
                      className="rounded-xl border border-dashed border-line p-4 text-center text-muted"
                      data-testid="plan-empty"
                    >
                      {goalId ? t("emptyGoalTasks") : t("emptyTasks")}{" "}
                      <Link href={"/tasks" as Route} className={textLinkClass}>
                        {t("tasksLink")}
                      </Link>
                    </p>
                  ) : (
                    <NoWorkingHours />
                  );
                }
                return (
                  <>
                    {!hasWorkingHours ? <NoWorkingHours /> : null}
                    <div className="flex flex-wrap items-center gap-2">
                      <span
                        className="inline-flex items-center rounded-full bg-surface-tint px-3 py-1 text-sm font-semibold"
                        data-testid="plan-quality"
                      >
                        {proposal.optimal ? t("optimal") : t("bestFound")}
                      </span>
                      <span className="text-sm text-muted">
                        {proposal.optimal ? t("optimalHint") : t("bestFoundHint")}
                      </span>
                    </div>
                    {end ? (
                      <p data-testid="plan-capacity">
                        {t("capacity", { until: until(end) })}{" "}
                        <span className="text-muted">
                          {t("summary", { count: kept.length, duration: duration(totalMinutes(kept)) })}
                        </span>
                      </p>
                    ) : null}
                    {dropped.size === 0 && moves.size === 0 && proposal.placements.length > 0 && hasWorkingHours ? (
                      <p className="text-sm text-muted" data-testid="plan-new-task">
                        {proposal.newTask.startAt
                          ? t("newTask", {
                              minutes: proposal.newTask.minutes,
                              at: until(new Date(proposal.newTask.startAt)),
                            })
                          : t("newTaskNone", { minutes: proposal.newTask.minutes })}
                      </p>
                    ) : null}
                    {late.length > 0 ? (
                      <p className="text-sm font-medium text-red-800 dark:text-red-200">
                        {t("late", { count: late.length })}
                      </p>
                    ) : null}

                    <PlanWeek
                      label={t("week")}
                      days={days.map((d) => ({ date: d, weekday: weekdayLabel(d) }))}
                      placements={kept}
                      timeZone={timeZone}
                      titleOf={title}
                    />

                    <section aria-labelledby={`${titleId}-days`} className="flex flex-col gap-3">
                      <h3 id={`${titleId}-days`} className="font-semibold">
                        {t("dayList")}
                      </h3>
                      <ol className="flex flex-col gap-3">
                        {days.map((d) => {
                          const blocks = grouped.get(d) ?? [];
                          return (
                            <li key={d}>
                              <p className="text-sm font-semibold text-muted">{dayLabel(d)}</p>
                              {blocks.length === 0 ? (
                                <p className="text-sm text-muted">{t("nothingPlanned")}</p>
                              ) : (
                                <ul className="mt-1 flex flex-col gap-2">
                                  {blocks.map((p) => {
                                    const name = title(p.taskId);
                                    const conflict = conflictOf.get(p.taskId);
                                    return (
                                      <li
                                        key={p.taskId}
                                        data-testid="plan-block"
                                        className={`flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-dashed p-3 ${conflict ? "border-red-700" : "border-brand/60"} bg-surface-tint/50`}
                                      >
                                        <div className="min-w-0">
                                          <p className="font-semibold">{name}</p>
                                          <p className="text-sm text-muted">
                                            {t("timeRange", {
                                              start: time.format(new Date(p.startAt)),
                                              end: time.format(endOf(p)),
                                            })}{" "}
                                            · {duration(p.plannedMinutes)}
                                            {late.includes(p) ? ` · ${t("lateBadge")}` : ""}
                                            {moves.has(p.taskId) ? ` · ${t("moved")}` : ""}
                                          </p>
                                          {conflict ? (
                                            <p className="text-sm font-medium text-red-700 dark:text-red-300">
                                              {t(`conflictReasons.${conflict}`)}
                                            </p>
                                          ) : null}
                                        </div>
                                        <div className="flex gap-2">
                                          <button
                                            type="button"
                                            onClick={() => setMoving(moving === p.taskId ? null : p.taskId)}
                                            aria-label={t("moveLabel", { title: name })}
                                            aria-expanded={moving === p.taskId}
                                            className={quietButtonClass}
                                          >
                                            {t("move")}
                                          </button>
                                          <button
                                            type="button"
                                            onClick={() => toggle(p.taskId)}
                                            aria-label={t("dropLabel", { title: name })}
                                            className={quietButtonClass}
                                          >
                                            {t("drop")}
                                          </button>
                                        </div>
                                        {moving === p.taskId ? (
                                          <div className="basis-full">
                                            <MoveBlock
                                              placement={p}
                                              title={name}
                                              days={days.map((x) => ({ date: x, label: dayLabel(x) }))}
                                              kept={kept}
                                              timeZone={timeZone}
                                              titleOf={title}
                                              onMove={(startAt) => move(p.taskId, startAt)}
                                              onCancel={() => setMoving(null)}
                                            />
                                          </div>
                                        ) : null}
                                      </li>
                                    );
                                  })}
                                </ul>
                              )}
                            </li>
                          );
                        })}
                      </ol>
                    </section>

                    {removed.length > 0 ? (
                      <section aria-labelledby={`${titleId}-dropped`} className="flex flex-col gap-2">
                        <h3 id={`${titleId}-dropped`} className="font-semibold">
                          {t("dropped")}
                        </h3>
                        <ul className="flex flex-col gap-2" data-testid="plan-dropped">
                          {removed.map((p) => (
                            <li key={p.taskId} className="flex items-center justify-between gap-3">
                              <span className="text-muted line-through">{title(p.taskId)}</span>
                              <button
                                type="button"
                                onClick={() => toggle(p.taskId)}
                                aria-label={t("putBackLabel", { title: title(p.taskId) })}
                                className={quietButtonClass}
                              >
                                {t("putBack")}
                              </button>
                            </li>
                          ))}
                        </ul>
                      </section>
                    ) : null}

                    {proposal.unplaced.length > 0 ? (
                      <section aria-labelledby={`${titleId}-unplaced`} className="flex flex-col gap-2">
                        <h3 id={`${titleId}-unplaced`} className="font-semibold">
                          {t("unplaced")}
                        </h3>
                        <ul className="flex flex-col gap-2" data-testid="plan-unplaced">
                          {proposal.unplaced.map((u) => (
                            <li key={u.taskId} className="rounded-lg border border-line p-3">
                              <p className="font-semibold">{title(u.taskId)}</p>
                              <p className="text-sm">{t(`reasons.${u.reason}`)}</p>
                              <p className="text-sm text-muted">
                                {t(`advice.${u.reason}`)}{" "}
                                {u.reason === "BLOCKED" ? null : (
                                  <Link href={"/settings#settings-working-hours" as Route} className={textLinkClass}>
                                    {t("workingHoursLink")}
                                  </Link>
                                )}
                              </p>
                            </li>
                          ))}
                        </ul>
                      </section>
                    ) : null}

                    {conflicts.length > 0 ? (
                      <div role="alert" className="flex flex-col items-start gap-2" data-testid="plan-conflict">
                        <p className="font-medium text-red-700 dark:text-red-300">{t("conflict")}</p>
                        <ul className="list-disc ps-5 text-sm">
                          {conflicts.map((c) => (
                            <li key={c.taskId}>
                              {title(c.taskId)}: {t(`conflictReasons.${c.reason}`)}
                            </li>
                          ))}
                        </ul>
                        <button type="button" onClick={() => void propose()} className={quietButtonClass}>
                          {t("proposeAgain")}
                        </button>
                      </div>
                    ) : null}
                    {acceptError ? (
                      <p role="alert" className="font-medium text-red-700 dark:text-red-300">
                        {acceptError}
                      </p>
                    ) : null}
                    {proposal.placements.length > 0 && kept.length === 0 ? (
                      <p className="text-sm text-muted">{t("noneKept")}</p>
                    ) : null}

                    {proposal.placements.length > 0 ? (
                      <div className="sticky bottom-0 -mx-5 flex justify-end border-t border-line bg-surface px-5 pt-3 sm:-mx-6 sm:px-6">
                        <button
                          type="button"
                          onClick={() => void accept(proposal)}
                          disabled={accepting || kept.length === 0}
                          aria-disabled={accepting || kept.length === 0 || undefined}
                          className={primaryButtonClass}
                        >
                          {accepting ? t("accepting") : t("accept", { count: kept.length })}
                        </button>
                      </div>
                    ) : null}
                  </>
                );
              })()
            : null}

          <div className="flex justify-end">
            <button
              type="button"
              onClick={() => setState({ step: "closed" })}
              className="min-h-12 rounded-lg border border-line px-5 font-semibold hover:bg-surface-tint"
            >
              {t("close")}
            </button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

function NoWorkingHours() {
  const t = useTranslations("plan");
  return (
    <p className="rounded-xl border border-dashed border-line p-4 text-center text-muted" data-testid="plan-no-hours">
      {t("noWorkingHours")}{" "}
      <Link href={"/settings#settings-working-hours" as Route} className={textLinkClass}>
        {t("setWorkingHours")}
      </Link>
    </p>
  );
}
