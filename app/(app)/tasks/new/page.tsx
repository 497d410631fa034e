// /tasks/new — create a task (the form is a small client island; the candidates for prerequisites come from here).
import type { Metadata } from "next";
import { prerequisiteCandidates } from "@/lib/services/tasks/prerequisite-candidates";
import { getTranslations } from "next-intl/server";
import { TaskForm } from "@/components/tasks/task-form";
import { requireMember } from "@/lib/auth/current-member";
import { localDate } from "@/lib/domain/time";

export const metadata: Metadata = { title: "새 할 일 · New task" };

export default async function NewTaskPage() {
  const member = await requireMember();
  const t = await getTranslations("library");
  const candidates = await prerequisiteCandidates(member.id);
  return (
    <main className="flex flex-1 flex-col gap-5 py-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("form.createTitle")}</h1>
      <TaskForm candidates={candidates} defaultDeadline={localDate(new Date(), member.timezone)} />
    </main>
  );
}
