"use client";
// Edit and delete on a goal page. Deleting asks first, and whether the goal's open tasks go with it.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/account/field";
import { dangerButtonClass, quietButtonClass } from "@/components/tasks/styles";
import { deleteGoalAction } from "@/app/(app)/goals/actions";
import { actionError } from "@/lib/actions/result";
import { GoalForm } from "./goal-form";

type Props = { goal: { id: string; title: string; description: string; targetDate: string | null; version: number } };

export function GoalControls({ goal }: Props) {
  const t = useTranslations("goals.goal");
  const form = useTranslations("goals.form");
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleteTasks, setDeleteTasks] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  async function remove() {
    setPending(true);
    setMessage(null);
    try {
      const problem = actionError(await deleteGoalAction({ id: goal.id, deleteTasks, version: goal.version }));
      if (problem) {
        setMessage(
          problem.code === "ILLEGAL_TRANSITION"
            ? t("deleteRunning")
            : problem.code === "CONFLICT"
              ? form("conflict")
              : form("generic"),
        );
        return;
      }
      router.push("/goals");
      router.refresh();
    } catch {
      setMessage(form("generic"));
    } finally {
      setPending(false);
    }
  }

  if (editing) {
    return (
      <section aria-labelledby="goal-edit-heading" className="rounded-xl border border-line bg-surface p-4 shadow-sm">
        <h2 id="goal-edit-heading" className="mb-3 text-lg font-semibold">
          {form("editTitle")}
        </h2>
        <GoalForm
          goal={goal}
          idPrefix="goal-edit"
          onDone={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      </section>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {message ? (
        <FormMessage id="goal-controls-message" tone="error">
          {message}
        </FormMessage>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button ref={editButton} type="button" className={quietButtonClass} onClick={() => setEditing(true)}>
          {t("edit")}
        </button>
        {confirming ? null : (
          <button type="button" className={dangerButtonClass} onClick={() => setConfirming(true)}>
            {t("delete")}
          </button>
        )}
      </div>
      {confirming ? (
        <div
          role="group"
          aria-labelledby="goal-delete-question"
          className="flex flex-col gap-3 rounded-lg border border-red-700/40 p-3"
        >
          <p id="goal-delete-question" className="font-semibold">
            {t("deleteConfirm")}
          </p>
          <label className="inline-flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              className="size-5"
              checked={deleteTasks}
              onChange={(e) => setDeleteTasks(e.target.checked)}
            />
            {t("deleteTasks")}
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={dangerButtonClass} onClick={remove} disabled={pending}>
              {t("deleteYes")}
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setConfirming(false)} disabled={pending}>
              {t("deleteNo")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
