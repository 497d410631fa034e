"use client";
// "Break it down": a hint, the proposal (from the offline planner or a named model) as an editable list, and one
// "Add these tasks" button. Nothing is created before that button; its submit carries one idempotency key, kept
// until the draft changes or the tasks are added, so a double click or a retry creates the tasks once.
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SelectField, TextField, primaryButtonClass } from "@/components/account/field";
import { fieldReason } from "@/components/tasks/library-i18n";
import { dangerButtonClass, quietButtonClass } from "@/components/tasks/styles";
import { acceptBreakdownAction, proposeBreakdownAction } from "@/app/(app)/goals/actions";
import { actionError } from "@/lib/actions/result";
import type { BreakdownProposal } from "@/lib/contracts/breakdown";
import { AcceptTasksInput } from "@/lib/contracts/goal";
import { BREAKDOWN } from "@/lib/domain/breakdown/limits";
import { DIFFICULTIES, IMPORTANCE } from "@/lib/domain/limits";
import { acceptBody, addRow, draftOf, dropRow, type DraftRow } from "./breakdown-draft";

type Props = { goalId: string; today: string; autoPropose: boolean };
type FieldErrors = Record<string, string[]>;

const IMPORTANCES = Array.from({ length: IMPORTANCE.max - IMPORTANCE.min + 1 }, (_, i) => IMPORTANCE.min + i);

export function BreakdownEditor({ goalId, today, autoPropose }: Props) {
  const t = useTranslations("goals.breakdown");
  const library = useTranslations("library");
  const router = useRouter();
  const uid = useId();
  const [hint, setHint] = useState("");
  const [maxTasks, setMaxTasks] = useState(String(BREAKDOWN.maxTasks.default));
  const [proposing, setProposing] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [origin, setOrigin] = useState<Pick<BreakdownProposal, "source" | "model" | "notes"> | null>(null);
  const [rows, setRows] = useState<DraftRow[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const keyRef = useRef<string | null>(null);
  const listRef = useRef<HTMLFormElement>(null);
  const proposedOnce = useRef(false);

  const reasons = (field: string) => errors[field]?.map((r) => fieldReason(library, r));
  const edit = (next: DraftRow[]) => {
    keyRef.current = null; // another draft is another submit
    setRows(next);
  };
  const change = (ref: string, patch: Partial<DraftRow>) =>
    rows && edit(rows.map((r) => (r.ref === ref ? { ...r, ...patch } : r)));

  async function propose() {
    setProposing(true);
    setMessage(null);
    setErrors({});
    try {
      const result = await proposeBreakdownAction({ id: goalId, hint, maxTasks: Number(maxTasks) });
      const problem = actionError(result);
      if (problem || !result?.data) {
        const fieldErrors: FieldErrors = {};
        for (const [field, list] of Object.entries(problem?.fieldErrors ?? {}))
          fieldErrors[`hint-form.${field}`] = list;
        setErrors(fieldErrors);
        setMessage({
          tone: "error",
          text:
            problem?.code === "NOT_FOUND"
              ? t("notFound")
              : problem?.code === "VALIDATION"
                ? t("summary")
                : t("generic"),
        });
        return;
      }
      const { source, model, notes } = result.data;
      setOrigin({ source, model, notes });
      edit(draftOf(result.data));
      requestAnimationFrame(() => document.getElementById(`${uid}-proposal`)?.focus());
    } catch {
      setMessage({ tone: "error", text: t("generic") });
    } finally {
      setProposing(false);
    }
  }

  useEffect(() => {
    if (autoPropose && !proposedOnce.current) {
      proposedOnce.current = true;
      void propose();
    }
    // propose once on arrival from "create and break it down"; later proposals are the member's clicks
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoPropose]);

  function focusFirstError() {
    requestAnimationFrame(() => {
      const target =
        listRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        document.getElementById(`${uid}-message`);
      target?.focus();
    });
  }

  async function accept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!rows) return;
    setMessage(null);
    const tasks = acceptBody(rows);
    const parsed = AcceptTasksInput.safeParse({ tasks });
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
      setErrors(fieldErrors);
      setMessage({ tone: "error", text: rows.length === 0 ? t("empty") : t("summary") });
      return focusFirstError();
    }
    keyRef.current ??= crypto.randomUUID();
    setAccepting(true);
    setErrors({});
    try {
      const result = await acceptBreakdownAction({
        id: goalId,
        idempotencyKey: keyRef.current,
        tasks: parsed.data.tasks,
      });
      const problem = actionError(result);
      if (problem || !result?.data) {
        setErrors(problem?.fieldErrors ?? {});
        const refs = problem?.details.refs;
        const cycle = Array.isArray(refs)
          ? refs.map((ref) => rows.find((r) => r.ref === ref)?.title ?? String(ref))
          : null;
        setMessage({
          tone: "error",
          text:
            problem?.code === "DEPENDENCY_CYCLE" && cycle
              ? t("cycle", { tasks: cycle.join(" → ") })
              : problem?.code === "VALIDATION"
                ? t("summary")
                : problem?.code === "NOT_FOUND"
                  ? t("notFound")
                  : t("generic"),
        });
        return focusFirstError();
      }
      keyRef.current = null;
      setRows(null);
      setOrigin(null);
      setMessage({ tone: "success", text: t("accepted", { count: result.data.tasks.length }) });
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: t("generic") }); // the key is kept: a retry cannot create the tasks twice
    } finally {
      setAccepting(false);
    }
  }

  const hintId = `${uid}-hint`;
  return (
    <section
      aria-labelledby={`${uid}-title`}
      className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm"
      data-testid="breakdown"
    >
      <div>
        <h2 id={`${uid}-title`} className="text-xl font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted">{t("lead")}</p>
      </div>

      <div className="flex flex-col gap-3">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={hintId} className="font-medium">
            {t("hint")}
          </label>
          <textarea
            id={hintId}
            rows={2}
            value={hint}
            onChange={(e) => setHint(e.target.value)}
            className="w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink shadow-sm aria-[invalid=true]:border-red-700"
            aria-invalid={reasons("hint-form.hint") ? true : undefined}
            aria-describedby={[reasons("hint-form.hint") ? `${hintId}-errors` : "", `${hintId}-help`]
              .filter(Boolean)
              .join(" ")}
          />
          <p id={`${hintId}-help`} className="text-sm text-muted">
            {t("hintHint", { max: BREAKDOWN.hint.max })}
          </p>
          {reasons("hint-form.hint") ? (
            <ul id={`${hintId}-errors`} className="text-sm font-medium text-red-700 dark:text-red-300">
              {reasons("hint-form.hint")?.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-40">
            <SelectField
              id={`${uid}-max`}
              label={t("maxTasks")}
              value={maxTasks}
              onChange={(e) => setMaxTasks(e.target.value)}
              errors={reasons("hint-form.maxTasks")}
            >
              {Array.from(
                { length: BREAKDOWN.maxTasks.max - BREAKDOWN.maxTasks.min + 1 },
                (_, i) => BREAKDOWN.maxTasks.min + i,
              ).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </SelectField>
          </div>
          <button
            type="button"
            className={quietButtonClass}
            onClick={propose}
            disabled={proposing || accepting}
            aria-busy={proposing || undefined}
          >
            {proposing ? t("proposing") : rows ? t("proposeAgain") : t("propose")}
          </button>
        </div>
      </div>

      <div aria-live="polite">
        {message ? (
          <FormMessage id={`${uid}-message`} tone={message.tone}>
            {message.text}
          </FormMessage>
        ) : null}
        {proposing ? (
          <p role="status" className="text-muted">
            {t("proposing")}
          </p>
        ) : null}
      </div>

      {rows && origin ? (
        <form
          ref={listRef}
          onSubmit={accept}
          noValidate
          className="flex flex-col gap-4"
          aria-labelledby={`${uid}-proposal`}
        >
          <div>
            <h3 id={`${uid}-proposal`} tabIndex={-1} className="text-lg font-semibold">
              {t("proposal")}
            </h3>
            <p className="text-sm font-medium text-brand-strong" data-testid="breakdown-source">
              {origin.source === "llm" && origin.model ? t("sourceModel", { model: origin.model }) : t("sourceOffline")}
            </p>
            {origin.notes.length > 0 ? (
              <details className="mt-1 text-sm text-muted">
                <summary className="cursor-pointer">{t("notes")}</summary>
                <ul className="mt-1 list-disc pl-5">
                  {origin.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>

          {reasons("tasks") ? (
            <ul className="text-sm font-medium text-red-700 dark:text-red-300">
              {reasons("tasks")?.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}

          <ol className="flex flex-col gap-3" data-testid="breakdown-rows">
            {rows.map((row, i) => {
              const id = `${uid}-${row.ref}`;
              const field = (name: string) => `tasks.${i}.${name}`;
              const others = rows.filter((r) => r.ref !== row.ref);
              return (
                <li key={row.ref} className="rounded-lg border border-line p-3" data-testid="breakdown-row">
                  <fieldset className="flex flex-col gap-3">
                    <legend className="sr-only">{t("task", { n: i + 1 })}</legend>
                    <div className="flex items-end gap-2">
                      <div className="flex-1">
                        <TextField
                          id={`${id}-title`}
                          label={`${t("name")} ${i + 1}`}
                          value={row.title}
                          onChange={(e) => change(row.ref, { title: e.target.value })}
                          errors={reasons(field("title"))}
                          autoComplete="off"
                        />
                      </div>
                      <button
                        type="button"
                        className={`${dangerButtonClass} shrink-0 px-3`}
                        onClick={() => edit(dropRow(rows, row.ref))}
                        aria-label={t("dropLabel", { n: i + 1, title: row.title })}
                      >
                        {t("drop")}
                      </button>
                    </div>
                    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                      <TextField
                        id={`${id}-minutes`}
                        label={t("minutes")}
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={1440}
                        value={row.minutes}
                        onChange={(e) => change(row.ref, { minutes: e.target.value })}
                        errors={reasons(field("expectedMinutes"))}
                      />
                      <SelectField
                        id={`${id}-difficulty`}
                        label={t("difficulty")}
                        value={row.difficulty}
                        onChange={(e) => change(row.ref, { difficulty: e.target.value })}
                        errors={reasons(field("difficulty"))}
                      >
                        {DIFFICULTIES.map((d) => (
                          <option key={d} value={d}>
                            {d}
                          </option>
                        ))}
                      </SelectField>
                      <SelectField
                        id={`${id}-importance`}
                        label={t("importance")}
                        value={row.importance}
                        onChange={(e) => change(row.ref, { importance: e.target.value })}
                        errors={reasons(field("importance"))}
                      >
                        {IMPORTANCES.map((n) => (
                          <option key={n} value={n}>
                            {n}
                          </option>
                        ))}
                      </SelectField>
                      <TextField
                        id={`${id}-deadline`}
                        label={t("deadline")}
                        type="date"
                        min={today}
                        value={row.deadline}
                        onChange={(e) => change(row.ref, { deadline: e.target.value })}
                        errors={reasons(field("deadline"))}
                      />
                    </div>
                    <fieldset aria-describedby={reasons(field("after")) ? `${id}-after-errors` : undefined}>
                      <legend className="text-sm font-medium">{t("after")}</legend>
                      {others.length === 0 ? (
                        <p className="text-sm text-muted">{t("noAfter")}</p>
                      ) : (
                        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                          {others.map((other) => (
                            <label key={other.ref} className="inline-flex min-h-11 items-center gap-2 text-sm">
                              <input
                                type="checkbox"
                                className="size-5"
                                checked={row.after.includes(other.ref)}
                                onChange={(e) =>
                                  change(row.ref, {
                                    after: e.target.checked
                                      ? [...row.after, other.ref]
                                      : row.after.filter((a) => a !== other.ref),
                                  })
                                }
                              />
                              {other.title || t("newTask")}
                            </label>
                          ))}
                        </div>
                      )}
                      {reasons(field("after")) ? (
                        <ul id={`${id}-after-errors`} className="text-sm font-medium text-red-700 dark:text-red-300">
                          {reasons(field("after"))?.map((e) => (
                            <li key={e}>{e}</li>
                          ))}
                        </ul>
                      ) : null}
                    </fieldset>
                  </fieldset>
                </li>
              );
            })}
          </ol>

          <div className="flex flex-col gap-2 sm:flex-row">
            <button
              type="button"
              className={quietButtonClass}
              onClick={() => {
                edit(addRow(rows, { title: "", deadline: rows.at(-1)?.deadline ?? today }));
                requestAnimationFrame(() => {
                  const inputs = listRef.current?.querySelectorAll<HTMLInputElement>(
                    '[data-testid="breakdown-row"] input[type="text"], [data-testid="breakdown-row"] input:not([type])',
                  );
                  inputs?.[inputs.length - 1]?.focus();
                });
              }}
            >
              {t("add")}
            </button>
            <button
              type="submit"
              className={primaryButtonClass}
              disabled={accepting}
              aria-busy={accepting || undefined}
            >
              {accepting ? t("accepting") : t("accept")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
