"use client";
// "Start" on a goal's next task: schedules it now if needed and starts it; one idempotency key per click.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { quietButtonClass } from "@/components/tasks/styles";
import { startTaskAction } from "@/app/(app)/goals/actions";
import { actionError } from "@/lib/actions/result";

export function StartTaskButton({ taskId, title }: { taskId: string; title: string }) {
  const t = useTranslations("goals.goal");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function start() {
    setPending(true);
    setProblem(null);
    try {
      const refused = actionError(await startTaskAction({ id: taskId, idempotencyKey: crypto.randomUUID() }));
      if (refused) {
        const reason =
          refused.code === "ANOTHER_SCHEDULE_ACTIVE"
            ? t("anotherActive")
            : refused.code === "PREREQUISITES_OPEN"
              ? t("blocked")
              : refused.message;
        setProblem(t("startError", { reason }));
        return;
      }
      router.refresh();
    } catch {
      setProblem(t("startError", { reason: "" }));
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="flex flex-col items-end gap-1">
      <button
        type="button"
        className={quietButtonClass}
        onClick={start}
        disabled={pending}
        aria-label={`${t("start")}: ${title}`}
      >
        {pending ? t("starting") : t("start")}
      </button>
      {problem ? (
        <span role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
