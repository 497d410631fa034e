import "server-only";
// POST /plan/accept: create the schedules of a proposed plan, all or nothing (planning.md "Placement"). The plan
// was proposed against the calendar of some moment; under the member's lock every placement is checked again
// against the calendar of now with the planner's own rules (violations()), and any that breaks one makes the
// whole accept a 409 CONFLICT listing each offending placement and why.
import { DomainError, notFound } from "@/lib/domain/errors";
import { freeIntervals, localGridOrigin, workingIntervals } from "@/lib/domain/planner/free-time";
import { violations, type Violation } from "@/lib/domain/planner/rules";
import { DEFAULT_GRID_MINUTES, type PlanInput, type Placement } from "@/lib/domain/planner/solve";
import { localDate } from "@/lib/domain/time";
import type { AcceptedPlacement, PlacementRefusal } from "@/lib/contracts/plan";
import type { PublishedEvent } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { insertSchedule } from "../schedules/create-schedule";
import { inTransaction, lockMember, type Tx } from "../transaction";
import type { ScheduleView } from "../views";
import { busyBlocks, minutesOf, planningMember, type PlanningMember } from "./calendar";

const MS_PER_MINUTE = 60_000;

export type RefusedPlacement = { taskId: string; reason: PlacementRefusal };

export function planConflict(placements: readonly RefusedPlacement[]): DomainError {
  return new DomainError("CONFLICT", "The calendar changed since this plan was proposed: propose it again.", {
    placements: [...placements],
  });
}

export async function acceptPlan(
  memberId: string,
  placements: readonly AcceptedPlacement[],
  now = new Date(),
): Promise<{ schedules: ScheduleView[] }> {
  let events: PublishedEvent[] = [];
  // the transaction answers the views alone (under an Idempotency-Key it is what a repeat gets back)
  const schedules = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const created = await createAll(tx, memberId, placements, now);
    events = created.events;
    return created.schedules;
  });
  relayAfterCommit(events);
  return { schedules };
}

async function createAll(tx: Tx, memberId: string, placements: readonly AcceptedPlacement[], now: Date) {
  const ids = [...new Set(placements.map((p) => p.taskId))];
  const tasks = await tx.task.findMany({
    where: { memberId, id: { in: ids } },
    select: {
      id: true,
      title: true,
      description: true,
      difficulty: true,
      expectedMinutes: true,
      completedAt: true,
      schedule: { select: { id: true } },
      previousEdges: { where: { previous: { completedAt: null } }, select: { previousTaskId: true } },
    },
  });
  // another member's task answers as one that does not exist
  if (tasks.length !== ids.length) throw notFound("Task");
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const minutes = await minutesOf(tx, memberId, placements.some((p) => p.plannedMinutes === undefined) ? tasks : []);
  const blocks = placements.map((p) => {
    const task = byId.get(p.taskId)!;
    const startAt = new Date(p.startAt);
    const plannedMinutes = p.plannedMinutes ?? minutes(task);
    return { ...p, task, startAt, plannedMinutes, endAt: new Date(startAt.getTime() + plannedMinutes * MS_PER_MINUTE) };
  });

  const member = await planningMember(tx, memberId);
  const refused = await refusals(tx, memberId, member, blocks, now);
  if (refused.length > 0) throw planConflict(refused);

  const schedules: ScheduleView[] = [];
  const events: PublishedEvent[] = [];
  for (const b of blocks) {
    const created = await insertSchedule(
      tx,
      memberId,
      {
        title: b.task.title,
        description: b.task.description,
        startAt: b.startAt,
        type: b.type,
        taskId: b.taskId,
        plannedMinutes: b.plannedMinutes,
      },
      now,
    );
    schedules.push(created.schedule);
    events.push(...created.events);
  }
  return { schedules, events };
}

type Block = {
  taskId: string;
  startAt: Date;
  endAt: Date;
  plannedMinutes: number;
  task: { completedAt: Date | null; schedule: { id: string } | null; previousEdges: { previousTaskId: string }[] };
};

/**
 * each placement that breaks a rule against the calendar of now, once, with the first reason in this order (a block
 * too close after its prerequisite also overlaps it: the prerequisite is the better reason)
 */
const ORDER: readonly PlacementRefusal[] = [
  "TASK_COMPLETED",
  "TASK_SCHEDULED",
  "OFF_GRID",
  "BEFORE_NOW",
  "OUTSIDE_WORKING_HOURS",
  "PREREQUISITE",
  "OVERLAP",
];

async function refusals(
  tx: Tx,
  memberId: string,
  member: PlanningMember,
  blocks: readonly Block[],
  now: Date,
): Promise<RefusedPlacement[]> {
  const found = new Map<string, Set<PlacementRefusal>>();
  const refuse = (taskId: string, reason: PlacementRefusal) =>
    found.set(taskId, (found.get(taskId) ?? new Set()).add(reason));

  for (const b of blocks) {
    if (b.task.completedAt) refuse(b.taskId, "TASK_COMPLETED");
    else if (b.task.schedule) refuse(b.taskId, "TASK_SCHEDULED");
  }

  // free time only on the local days the placements start on: a block lies inside one working interval of its own
  // day, and the range of the body may be anything, so the days in between are never walked
  const { timeZone } = member;
  const days = [...new Set(blocks.map((b) => localDate(b.startAt, timeZone)))].sort();
  const first = Math.min(...blocks.map((b) => b.startAt.getTime()));
  const last = Math.max(...blocks.map((b) => b.endAt.getTime()));
  const busy = await busyBlocks(tx, memberId, new Date(first), new Date(last), member.bufferMinutes);
  const working = days.flatMap((day) => workingIntervals({ ...member, from: day, to: day }));
  const free = days.flatMap((day) => freeIntervals({ ...member, from: day, to: day, busy, now }));

  const input: PlanInput = {
    tasks: blocks.map((b) => ({
      id: b.taskId,
      minutes: b.plannedMinutes,
      importance: 1,
      deadline: null,
      prerequisites: b.task.previousEdges.map((e) => e.previousTaskId),
    })),
    free,
    bufferMinutes: member.bufferMinutes,
    now,
    grid: { minutes: DEFAULT_GRID_MINUTES, origin: localGridOrigin(days[0]!, timeZone) },
  };
  const placed: Placement[] = blocks.map((b) => ({ taskId: b.taskId, startAt: b.startAt, endAt: b.endAt }));
  for (const v of violations(input, placed)) {
    const block = blocks.find((b) => b.taskId === v.taskId)!;
    refuse(v.taskId, reasonOf(v, block, working));
  }
  return blocks.flatMap((b) => {
    const reasons = found.get(b.taskId);
    const reason = reasons && ORDER.find((r) => reasons.has(r));
    return reason ? [{ taskId: b.taskId, reason }] : [];
  });
}

function reasonOf(v: Violation, block: Block, working: readonly { start: Date; end: Date }[]): PlacementRefusal {
  switch (v.rule) {
    case "OFF_GRID":
    case "BEFORE_NOW":
    case "OVERLAP":
    case "PREREQUISITE":
      return v.rule;
    case "OUTSIDE_FREE_TIME": {
      // inside working hours but not free: a schedule (with the buffer) is in the way
      const inside = working.some(
        (w) => w.start.getTime() <= block.startAt.getTime() && block.endAt.getTime() <= w.end.getTime(),
      );
      return inside ? "OVERLAP" : "OUTSIDE_WORKING_HOURS";
    }
    case "LENGTH":
    case "UNKNOWN_TASK":
      // the blocks are built from the tasks with their own lengths: neither can happen
      throw new Error(`accept-plan: unexpected violation ${v.rule}`);
  }
}
