// /tasks/[id]/edit — edit every field of a task and its prerequisites.
import type { Metadata } from "next";
import { prerequisiteCandidates } from "@/lib/services/tasks/prerequisite-candidates";
import { getTranslations } from "next-intl/server";
import { TaskForm } from "@/components/tasks/task-form";
import { requireMember } from "@/lib/auth/current-member";
import { taskOrNotFound } from "../task-or-not-found";
import { localDate } from "@/lib/domain/time";

export const metadata: Metadata = { title: "할 일 수정 · Edit task" };

export default async function EditTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember();
  const { id } = await params;
  const task = await taskOrNotFound(member.id, id);
  const t = await getTranslations("library");
  const candidates = await prerequisiteCandidates(member.id, task.id);
  return (
    <main className="flex flex-1 flex-col gap-5 py-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("form.editTitle")}</h1>
      <TaskForm task={task} candidates={candidates} defaultDeadline={localDate(new Date(), member.timezone)} />
    </main>
  );
}
