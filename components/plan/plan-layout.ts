// The arithmetic of the plan sheet, with no React: which local day each ghost block falls on, where it sits in the
// week picture, whether it ends after its task's deadline day, and when the kept placements end (the capacity
// line). Every time is read on the member's wall clock (their zone, which may not be the browser's).
import { addDays, localDate, wallTimeOf } from "@/lib/domain/time";

export type GhostPlacement = { taskId: string; startAt: string; plannedMinutes: number };

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;

export const endOf = (p: GhostPlacement): Date =>
  new Date(new Date(p.startAt).getTime() + p.plannedMinutes * MS_PER_MINUTE);

/** the local dates `from` … `to`, both included */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** minutes since local midnight of the day the block starts on, for its start and its end (an end at midnight is 1440) */
export function wallMinutes(p: GhostPlacement, timeZone: string): { start: number; end: number } {
  const [h, m] = wallTimeOf(new Date(p.startAt), timeZone).split(":").map(Number) as [number, number];
  const start = h * 60 + m;
  return { start, end: Math.min(MINUTES_PER_DAY, start + p.plannedMinutes) };
}

/** the placements of each local day, in order of start */
export function byDay<P extends GhostPlacement>(placements: readonly P[], timeZone: string): Map<string, P[]> {
  const days = new Map<string, P[]>();
  const sorted = [...placements].sort((a, b) => a.startAt.localeCompare(b.startAt) || a.taskId.localeCompare(b.taskId));
  for (const p of sorted) {
    const day = localDate(new Date(p.startAt), timeZone);
    days.set(day, [...(days.get(day) ?? []), p]);
  }
  return days;
}

/**
 * The hours the week picture shows: from the earliest start to the latest end of the placements, widened to whole
 * hours (09:00–18:00 when there is none).
 */
export function pictureHours(placements: readonly GhostPlacement[], timeZone: string): { start: number; end: number } {
  if (placements.length === 0) return { start: 9 * 60, end: 18 * 60 };
  const spans = placements.map((p) => wallMinutes(p, timeZone));
  const start = Math.floor(Math.min(...spans.map((s) => s.start)) / 60) * 60;
  const end = Math.min(MINUTES_PER_DAY, Math.ceil(Math.max(...spans.map((s) => s.end)) / 60) * 60);
  return { start, end: Math.max(end, start + 60) };
}

/** a block's place in its day's column of the picture, in percent of the column's height */
export function blockBox(
  p: GhostPlacement,
  timeZone: string,
  hours: { start: number; end: number },
): { top: number; height: number } {
  const { start, end } = wallMinutes(p, timeZone);
  const span = hours.end - hours.start;
  const top = ((start - hours.start) / span) * 100;
  const height = ((end - start) / span) * 100;
  return { top: round(Math.max(0, top)), height: round(Math.max(0, Math.min(100 - top, height))) };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** whether the block ends after the end of its task's deadline day (local) */
export function endsLate(p: GhostPlacement, deadline: string | undefined, timeZone: string): boolean {
  if (!deadline) return false;
  // an end at midnight still belongs to the day before
  return localDate(new Date(endOf(p).getTime() - 1), timeZone) > deadline;
}

/** the end of the last kept block: until when the planned tasks fill the member's working hours */
export function filledUntil(placements: readonly GhostPlacement[]): Date | null {
  if (placements.length === 0) return null;
  return new Date(Math.max(...placements.map((p) => endOf(p).getTime())));
}

/** minutes of all the kept blocks together */
export const totalMinutes = (placements: readonly GhostPlacement[]): number =>
  placements.reduce((sum, p) => sum + p.plannedMinutes, 0);

/** the placements with the starts the member moved them to */
export function withMoves<P extends GhostPlacement>(placements: readonly P[], moves: ReadonlyMap<string, string>): P[] {
  return placements.map((p) => {
    const startAt = moves.get(p.taskId);
    return startAt === undefined ? p : { ...p, startAt };
  });
}

/**
 * Why a block cannot start at `startAt` among the other kept blocks, as far as the browser can tell: off the
 * planner's 5-minute grid of the member's wall clock, or overlapping another kept block. Working hours, the buffer,
 * other schedules and prerequisites are checked by the accept itself (a CONFLICT names the block).
 */
export function moveRefusal(
  moving: GhostPlacement,
  startAt: Date,
  others: readonly GhostPlacement[],
  timeZone: string,
): { reason: "OFF_GRID" } | { reason: "OVERLAP"; taskId: string } | null {
  const moved = { ...moving, startAt: startAt.toISOString() };
  if (wallMinutes(moved, timeZone).start % 5 !== 0 || startAt.getUTCSeconds() !== 0) return { reason: "OFF_GRID" };
  const start = startAt.getTime();
  const end = endOf(moved).getTime();
  for (const o of others) {
    if (o.taskId === moving.taskId) continue;
    if (new Date(o.startAt).getTime() < end && start < endOf(o).getTime())
      return { reason: "OVERLAP", taskId: o.taskId };
  }
  return null;
}
