// The task form's prerequisite picker: one query over the member's own tasks, open ones first (overdue ones
// included: they can still be done first), then the completed ones, never the task being edited.
import { describe, expect, it } from "vitest";
import { completeTask } from "@/lib/services/tasks/complete-task";
import { createTask, type NewTask } from "@/lib/services/tasks/create-task";
import { prerequisiteCandidates } from "@/lib/services/tasks/prerequisite-candidates";
import { at, createTestMember } from "../support/fixtures";

const task = (memberId: string, extra: Partial<NewTask>) =>
  createTask(memberId, { title: "task", deadline: "2026-12-01", importance: 5, difficulty: 3, ...extra });

describe("prerequisite candidates", () => {
  it("lists open tasks by deadline (overdue too), then completed ones newest first, without the edited task", async () => {
    const m = await createTestMember();
    const other = await createTestMember();
    const later = await task(m.id, { title: "later", deadline: "2026-12-20" });
    const overdue = await task(m.id, { title: "overdue", deadline: "2020-01-01" });
    const edited = await task(m.id, { title: "edited", deadline: "2026-12-05" });
    const soon = await task(m.id, { title: "soon", deadline: "2026-12-02" });
    const doneFirst = await task(m.id, { title: "done first" });
    const doneLast = await task(m.id, { title: "done last" });
    await completeTask(m.id, doneFirst.id, at("2026-11-20T01:00:00Z"));
    await completeTask(m.id, doneLast.id, at("2026-11-20T02:00:00Z"));
    await task(other.id, { title: "someone else's" });

    expect(await prerequisiteCandidates(m.id, edited.id)).toEqual([
      { id: overdue.id, title: "overdue", completed: false },
      { id: soon.id, title: "soon", completed: false },
      { id: later.id, title: "later", completed: false },
      { id: doneLast.id, title: "done last", completed: true },
      { id: doneFirst.id, title: "done first", completed: true },
    ]);
    expect((await prerequisiteCandidates(m.id)).map((c) => c.title)).toContain("edited");
  });
});
