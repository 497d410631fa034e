"use client";
// Create or edit a goal: title, what done looks like, target date. A new goal can go straight to its break-down
// (`?breakdown=1` opens it with a proposal), so a first goal is never an empty dead end.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import {
  FormMessage,
  TextField,
  primaryButtonClass,
  secondaryButtonClass,
  focusFirstProblem,
} from "@/components/account/field";
import { fieldReason } from "@/components/tasks/library-i18n";
import { createGoalAction, updateGoalAction } from "@/app/(app)/goals/actions";
import { actionError, type ActionError } from "@/lib/actions/result";
import { GOAL_DESCRIPTION, GOAL_TITLE } from "@/lib/domain/limits";

type Props = {
  /** the goal to edit; without one the form creates a goal */
  goal?: { id: string; title: string; description: string; targetDate: string | null; version: number };
  /** id prefix, so that two forms on one page keep their ids apart */
  idPrefix?: string;
  /** after creating: open the new goal with its break-down proposed */
  breakDownAfter?: boolean;
  onDone?: () => void;
};

const UNEXPECTED: ActionError = { code: "INTERNAL", message: "", fieldErrors: {}, details: {} };

export function GoalForm({ goal, idPrefix = "goal", breakDownAfter = false, onDone }: Props) {
  const t = useTranslations("goals.form");
  const library = useTranslations("library");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ActionError | null>(null);
  const [values, setValues] = useState({
    title: goal?.title ?? "",
    description: goal?.description ?? "",
    targetDate: goal?.targetDate ?? "",
  });
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const messageId = `${idPrefix}-form-message`;

  useEffect(() => {
    if (refusal) focusFirstProblem(formRef.current, messageId);
  }, [refusal, messageId]);

  const errorsOf = (field: string) => refusal?.fieldErrors[field]?.map((r) => fieldReason(library, r));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setRefusal(null);
    const fields = {
      title: values.title,
      description: values.description,
      targetDate: values.targetDate === "" ? null : values.targetDate,
    };
    try {
      const result = goal
        ? await updateGoalAction({ id: goal.id, version: goal.version, ...fields })
        : await createGoalAction(fields);
      const problem = actionError(result);
      if (problem) return setRefusal(problem);
      if (!result?.data) return setRefusal(UNEXPECTED);
      if (goal) {
        onDone?.();
        router.refresh();
      } else {
        router.push(breakDownAfter ? `/goals/${result.data.id}?breakdown=1` : `/goals/${result.data.id}`);
      }
    } catch {
      setRefusal(UNEXPECTED);
    } finally {
      setPending(false);
    }
  }

  const formMessage =
    refusal?.code === "VALIDATION"
      ? t("summary")
      : refusal?.code === "CONFLICT"
        ? t("conflict")
        : refusal?.code === "NOT_FOUND"
          ? t("notFound")
          : refusal
            ? t("generic")
            : null;

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-4"
      aria-describedby={formMessage ? messageId : undefined}
    >
      {formMessage ? (
        <FormMessage id={messageId} tone="error">
          {formMessage}
        </FormMessage>
      ) : null}
      <TextField
        id={`${idPrefix}-title`}
        name="title"
        label={t("title")}
        hint={t("titleHint", { max: GOAL_TITLE.max })}
        value={values.title}
        onChange={set("title")}
        required
        maxLength={GOAL_TITLE.max * 2}
        autoComplete="off"
        errors={errorsOf("title")}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${idPrefix}-description`} className="font-medium">
          {t("description")}
        </label>
        <textarea
          id={`${idPrefix}-description`}
          name="description"
          rows={2}
          value={values.description}
          onChange={set("description")}
          className="w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink shadow-sm aria-[invalid=true]:border-red-700"
          aria-invalid={errorsOf("description") ? true : undefined}
          aria-describedby={[
            errorsOf("description") ? `${idPrefix}-description-errors` : "",
            `${idPrefix}-description-hint`,
          ]
            .filter(Boolean)
            .join(" ")}
        />
        <p id={`${idPrefix}-description-hint`} className="text-sm text-muted">
          {t("descriptionHint", { max: GOAL_DESCRIPTION.max })}
        </p>
        {errorsOf("description") ? (
          <ul id={`${idPrefix}-description-errors`} className="text-sm font-medium text-red-700 dark:text-red-300">
            {errorsOf("description")?.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <TextField
        id={`${idPrefix}-target`}
        name="targetDate"
        type="date"
        label={t("targetDate")}
        hint={t("targetDateHint")}
        value={values.targetDate}
        onChange={set("targetDate")}
        errors={errorsOf("targetDate")}
      />
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" className={primaryButtonClass} disabled={pending} aria-busy={pending || undefined}>
          {pending ? t("saving") : goal ? t("save") : breakDownAfter ? t("createAndBreak") : t("create")}
        </button>
        {onDone ? (
          <button type="button" className={secondaryButtonClass} onClick={onDone} disabled={pending}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
