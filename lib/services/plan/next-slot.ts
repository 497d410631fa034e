import "server-only";
// Where a new task would land once a proposal's blocks are on the calendar: the capacity line of the plan sheet.
// Reads in one snapshot (the member's working hours, buffer and schedules), writes nothing.
import { firstSlot } from "@/lib/domain/planner/first-slot";
import { freeIntervals, localGridOrigin } from "@/lib/domain/planner/free-time";
import { DEFAULT_GRID_MINUTES } from "@/lib/domain/planner/solve";
import { addDays, localDate, startOfLocalDay } from "@/lib/domain/time";
import { inSnapshot } from "../snapshot";
import { busyBlocks, planningMember } from "./calendar";

export async function nextSlot(
  memberId: string,
  range: { from: string; to: string },
  placements: readonly { startAt: string; plannedMinutes: number }[],
  minutes: number,
  now = new Date(),
): Promise<Date | null> {
  const { member, from, busy } = await inSnapshot(async (tx) => {
    const member = await planningMember(tx, memberId);
    // as POST /plan reads it: a past `from` plans from today
    const today = localDate(now, member.timeZone);
    const from = range.from < today ? today : range.from;
    const busy =
      from > range.to
        ? []
        : await busyBlocks(
            tx,
            memberId,
            startOfLocalDay(from, member.timeZone),
            startOfLocalDay(addDays(range.to, 1), member.timeZone),
            member.bufferMinutes,
          );
    return { member, from, busy };
  });
  if (from > range.to) return null;
  const proposed = placements.map((p) => ({ startAt: new Date(p.startAt), plannedMinutes: p.plannedMinutes }));
  const free = freeIntervals({ ...member, from, to: range.to, busy: [...busy, ...proposed], now });
  return firstSlot(free, minutes, { minutes: DEFAULT_GRID_MINUTES, origin: localGridOrigin(from, member.timeZone) });
}
