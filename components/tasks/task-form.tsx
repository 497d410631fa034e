"use client";
// Create or edit a task: every field with its limits, each refusal under its field (aria-describedby), the
// keyboard sent to the first problem. Difficulty is a group of Fibonacci chips (radio buttons in a fieldset);
// prerequisites are a group of check boxes over the member's other tasks. A change that would close a cycle is
// refused by the server with the tasks on the cycle, and the form names them.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FormMessage, TextField, focusFirstProblem, primaryButtonClass } from "@/components/account/field";
import { actionError, type ActionError } from "@/lib/actions/result";
import { warnsOfPastDeadline } from "@/lib/domain/deadline";
import { DESCRIPTION, DIFFICULTIES, EXPECTED_MINUTES, IMPORTANCE, TITLE } from "@/lib/domain/limits";
import type { PrerequisiteCandidate } from "@/lib/services/tasks/prerequisite-candidates";
import type { TaskView } from "@/lib/services/views";
import { createTaskAction, updateTaskAction } from "@/app/(app)/tasks/actions";
import { useTranslations } from "next-intl";
import { fieldReason } from "./library-i18n";
import { quietButtonClass } from "./styles";

type Props = {
  /** the task being edited; absent when creating one */
  task?: TaskView;
  /** the member's other tasks, to pick prerequisites from */
  candidates: PrerequisiteCandidate[];
  /** the deadline a new task starts with (today in the member's zone) */
  defaultDeadline: string;
};

/** characters as the contracts count them (code points, after trimming) */
const titleLength = (title: string) => Array.from(title.trim()).length;

const MESSAGE_ID = "task-form-message";
const UNEXPECTED: ActionError = { code: "INTERNAL", message: "", fieldErrors: {}, details: {} };
type Field = "title" | "description" | "deadline" | "importance" | "difficulty" | "expectedMinutes" | "previousTaskIds";

/** "" stays "" (zod then says "is required"); digits become a number; anything else stays text for zod to refuse */
function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function TaskForm({ task, candidates, defaultDeadline }: Props) {
  const t = useTranslations("library");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ActionError | null>(null);
  /** the tasks on the cycle a refused prerequisite change would have closed */
  const [cycle, setCycle] = useState<string[] | null>(null);
  const [values, setValues] = useState({
    title: task?.title ?? "",
    description: task?.description ?? "",
    deadline: task?.deadline ?? defaultDeadline,
    importance: String(task?.importance ?? 5),
    difficulty: String(task?.difficulty ?? 3),
    expectedMinutes: task?.expectedMinutes ? String(task.expectedMinutes) : "",
  });
  const [previous, setPrevious] = useState<string[]>(task?.previousTaskIds ?? []);
  /** the past deadline the member was asked about: a second submit with it saves */
  const [confirmedPast, setConfirmedPast] = useState<string | null>(null);
  // defaultDeadline is the member's today
  const pastDeadline = warnsOfPastDeadline(values.deadline, defaultDeadline, task?.deadline);
  const asking = pastDeadline && confirmedPast === values.deadline;
  const titleCount = titleLength(values.title);
  const titleTooLong = titleCount > TITLE.max;
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  useEffect(() => {
    if (refusal || cycle) focusFirstProblem(formRef.current, MESSAGE_ID);
  }, [refusal, cycle]);

  const errorsOf = (field: Field) => refusal?.fieldErrors[field]?.map((r) => fieldReason(t, r));
  const titleOf = (id: string) => candidates.find((c) => c.id === id)?.title ?? (task?.id === id ? task.title : id);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // a title past the limit is refused here with its count, never cut (issue 20.13)
    if (titleTooLong) {
      setRefusal({
        ...UNEXPECTED,
        code: "VALIDATION",
        fieldErrors: { title: [`must be at most ${TITLE.max} characters`] },
      });
      return;
    }
    // a past deadline is allowed, but asked about first: the first submit asks, the second saves
    if (pastDeadline && confirmedPast !== values.deadline) {
      setConfirmedPast(values.deadline);
      document.getElementById("task-deadline")?.focus();
      return;
    }
    setPending(true);
    setRefusal(null);
    setCycle(null);
    const expected = numberOrText(values.expectedMinutes);
    const fields = {
      title: values.title,
      description: values.description,
      deadline: values.deadline,
      importance: numberOrText(values.importance),
      difficulty: numberOrText(values.difficulty),
      // cleared on edit means "no estimate" (null); left empty on create means the same
      expectedMinutes: expected === undefined ? null : expected,
      previousTaskIds: previous,
    };
    try {
      // the contracts parse the values; the casts only let through text that zod will refuse with a reason
      const result = task
        ? await updateTaskAction({ id: task.id, version: task.version, ...fields } as Parameters<
            typeof updateTaskAction
          >[0])
        : await createTaskAction(fields as Parameters<typeof createTaskAction>[0]);
      const problem = actionError(result);
      const onCycle = problem?.code === "DEPENDENCY_CYCLE" ? problem.details.taskIds : undefined;
      if (Array.isArray(onCycle)) return setCycle(onCycle.filter((id): id is string => typeof id === "string"));
      if (problem) return setRefusal(problem);
      if (!result?.data) return setRefusal(UNEXPECTED);
      router.push(`/tasks/${result.data.id}`);
      router.refresh();
    } catch {
      setRefusal(UNEXPECTED);
    } finally {
      setPending(false);
    }
  }

  const formMessage = cycle
    ? t("form.cycle", { tasks: cycle.map(titleOf).join(", ") })
    : refusal?.code === "VALIDATION"
      ? t("form.summary")
      : refusal?.code === "NOT_FOUND"
        ? t("form.notFound")
        : refusal?.code === "CONFLICT"
          ? t("form.conflict")
          : refusal
            ? t("form.generic")
            : null;

  const chipClass =
    "flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-full border border-line bg-surface px-3 font-semibold " +
    "peer-checked:border-brand peer-checked:bg-brand peer-checked:text-on-brand peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus";

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-5"
      aria-describedby={formMessage ? MESSAGE_ID : undefined}
    >
      {formMessage ? (
        <FormMessage id={MESSAGE_ID} tone="error">
          {formMessage}
        </FormMessage>
      ) : null}

      <TextField
        id="task-title"
        name="title"
        label={t("form.title")}
        hint={
          <span className={titleTooLong ? "font-medium text-red-700 dark:text-red-300" : undefined}>
            {t("form.titleCount", { max: TITLE.max, count: titleCount })}
          </span>
        }
        errors={
          errorsOf("title") ??
          (titleTooLong ? [t("form.titleTooLong", { max: TITLE.max, count: titleCount })] : undefined)
        }
        required
        value={values.title}
        onChange={set("title")}
      />

      <div className="flex flex-col gap-1.5">
        <label htmlFor="task-description" className="font-medium">
          {t("form.description")}
        </label>
        <textarea
          id="task-description"
          name="description"
          rows={4}
          maxLength={DESCRIPTION.max}
          value={values.description}
          onChange={set("description")}
          aria-invalid={errorsOf("description") ? true : undefined}
          aria-describedby={[errorsOf("description") ? "task-description-errors" : "", "task-description-hint"]
            .filter(Boolean)
            .join(" ")}
          className="w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink shadow-sm aria-[invalid=true]:border-red-700"
        />
        <p id="task-description-hint" className="text-sm text-muted">
          {t("form.descriptionHint", { max: DESCRIPTION.max, count: Array.from(values.description).length })}
        </p>
        {errorsOf("description") ? (
          <ul id="task-description-errors" className="text-sm font-medium text-red-700 dark:text-red-300">
            {errorsOf("description")?.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          id="task-deadline"
          name="deadline"
          type="date"
          label={t("form.deadline")}
          hint={
            pastDeadline ? (
              <span
                role="status"
                className="font-medium text-amber-800 dark:text-amber-200"
                data-testid="past-deadline"
              >
                {asking ? t("form.pastDeadlineAsk") : t("form.pastDeadline")}
              </span>
            ) : (
              t("form.deadlineHint")
            )
          }
          errors={errorsOf("deadline")}
          required
          value={values.deadline}
          onChange={set("deadline")}
        />
        <TextField
          id="task-importance"
          name="importance"
          type="number"
          inputMode="numeric"
          min={IMPORTANCE.min}
          max={IMPORTANCE.max}
          step={1}
          label={t("form.importance")}
          hint={t("form.importanceHint")}
          errors={errorsOf("importance")}
          required
          value={values.importance}
          onChange={set("importance")}
        />
        <TextField
          id="task-expected"
          name="expectedMinutes"
          type="number"
          inputMode="numeric"
          min={EXPECTED_MINUTES.min}
          max={EXPECTED_MINUTES.max}
          step={1}
          label={t("form.expectedMinutes")}
          hint={t("form.expectedMinutesHint")}
          errors={errorsOf("expectedMinutes")}
          value={values.expectedMinutes}
          onChange={set("expectedMinutes")}
        />
      </div>

      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={[errorsOf("difficulty") ? "task-difficulty-errors" : "", "task-difficulty-hint"]
          .filter(Boolean)
          .join(" ")}
      >
        <legend className="font-medium">{t("form.difficulty")}</legend>
        <p id="task-difficulty-hint" className="text-sm text-muted">
          {t("form.difficultyHint")}
        </p>
        <div className="flex flex-wrap gap-2">
          {DIFFICULTIES.map((d) => (
            <label key={d}>
              <input
                type="radio"
                name="difficulty"
                value={d}
                checked={values.difficulty === String(d)}
                onChange={set("difficulty")}
                className="peer sr-only"
              />
              <span className={chipClass}>{d}</span>
            </label>
          ))}
        </div>
        {errorsOf("difficulty") ? (
          <ul id="task-difficulty-errors" className="text-sm font-medium text-red-700 dark:text-red-300">
            {errorsOf("difficulty")?.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={[
          cycle ? MESSAGE_ID : "",
          errorsOf("previousTaskIds") ? "task-previous-errors" : "",
          "task-previous-hint",
        ]
          .filter(Boolean)
          .join(" ")}
      >
        <legend className="font-medium">{t("form.prerequisites")}</legend>
        <p id="task-previous-hint" className="text-sm text-muted">
          {t("form.prerequisitesHint")}
        </p>
        {candidates.length === 0 ? (
          <p className="text-sm text-muted">{t("form.noCandidates")}</p>
        ) : (
          <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-lg border border-line bg-surface p-2">
            {candidates.map((c) => {
              const onCycle = cycle?.includes(c.id) ?? false;
              return (
                <li key={c.id}>
                  <label
                    className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 hover:bg-surface-tint ${onCycle ? "bg-red-50 dark:bg-red-950" : ""}`}
                  >
                    <input
                      type="checkbox"
                      name="previousTaskIds"
                      value={c.id}
                      checked={previous.includes(c.id)}
                      aria-invalid={onCycle || undefined}
                      onChange={(e) => {
                        const checked = e.target.checked;
                        setPrevious((ids) => (checked ? [...ids, c.id] : ids.filter((id) => id !== c.id)));
                      }}
                      className="size-5 accent-(--brand)"
                    />
                    <span>
                      {c.title} {c.completed ? <span className="text-sm text-muted">{t("form.doneMark")}</span> : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        {errorsOf("previousTaskIds") ? (
          <ul id="task-previous-errors" className="text-sm font-medium text-red-700 dark:text-red-300">
            {errorsOf("previousTaskIds")?.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <div className="flex flex-col gap-3 sm:flex-row-reverse">
        <button type="submit" className={`${primaryButtonClass} sm:w-auto`} disabled={pending}>
          {pending ? t("form.saving") : asking ? t("form.savePast") : task ? t("form.save") : t("form.create")}
        </button>
        <Link href={task ? `/tasks/${task.id}` : "/tasks"} className={quietButtonClass}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
