import { describe, expect, it } from "vitest";
import { acceptBody, addRow, draftOf, dropRow } from "@/components/goals/breakdown-draft";
import { BreakdownProposal } from "@/lib/contracts/breakdown";
import { AcceptTasksInput } from "@/lib/contracts/goal";

const proposal = BreakdownProposal.parse({
  source: "llm",
  model: "m",
  notes: [],
  tasks: [
    {
      ref: "주제 정하기",
      title: "Pick a topic",
      description: "",
      expectedMinutes: 30,
      difficulty: 2,
      importance: 7,
      deadline: "2099-01-01",
      after: [],
    },
    {
      ref: "b",
      title: "Write",
      description: "d",
      expectedMinutes: 90,
      difficulty: 5,
      importance: 6,
      deadline: "2099-01-02",
      after: ["주제 정하기"],
    },
    {
      ref: "c",
      title: "Publish",
      description: "",
      expectedMinutes: 15,
      difficulty: 1,
      importance: 8,
      deadline: "2099-01-03",
      after: ["b", "주제 정하기"],
    },
  ],
});

describe("the break-down draft", () => {
  it("renames a proposal's refs to ones the accept body takes, keeping the edges", () => {
    const rows = draftOf(proposal);
    expect(rows.map((r) => [r.ref, r.after])).toEqual([
      ["t1", []],
      ["t2", ["t1"]],
      ["t3", ["t2", "t1"]],
    ]);
    expect(AcceptTasksInput.safeParse({ tasks: acceptBody(rows) }).success).toBe(true);
  });

  it("dropping a row drops the edges to it; an added row gets a ref no row has", () => {
    const rows = dropRow(draftOf(proposal), "t2");
    expect(rows.map((r) => [r.ref, r.after])).toEqual([
      ["t1", []],
      ["t3", ["t1"]],
    ]);
    const added = addRow(rows, { title: "New", deadline: "2099-01-04" });
    expect(added.map((r) => r.ref)).toEqual(["t1", "t3", "t4"]);
  });

  it("passes typed text on, so the contract refuses it under the row's field", () => {
    const rows = draftOf(proposal).map((r, i) => (i === 1 ? { ...r, title: "", minutes: "lots" } : r));
    const parsed = AcceptTasksInput.safeParse({ tasks: acceptBody(rows) });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["tasks.1.title", "tasks.1.expectedMinutes"]));
    expect(acceptBody([{ ...rows[0]!, minutes: " " }])[0]?.expectedMinutes).toBeNull();
  });
});
