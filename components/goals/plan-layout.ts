// The plan picture's geometry, kept pure so it can be tested without a browser: tasks in columns by dependency
// depth (a task sits one column right of its deepest prerequisite), "before" edges as arrows from the right edge
// of one box to the left edge of the next, and the critical path — the heaviest chain of remaining minutes
// through the open tasks, as the goal's progress counts it — marked on boxes and edges.

export type PlanTask = {
  id: string;
  title: string;
  completed: boolean;
  /** remaining minutes of an open task (its expected minutes, else an estimate) */
  minutes: number;
  /** prerequisites; ids outside the plan are ignored */
  after: readonly string[];
};

export type PlanBox = {
  id: string;
  title: string;
  completed: boolean;
  critical: boolean;
  column: number;
  row: number;
  x: number;
  y: number;
};
export type PlanArrow = { from: string; to: string; critical: boolean; d: string };
export type PlanLayout = {
  boxes: PlanBox[];
  arrows: PlanArrow[];
  width: number;
  height: number;
  criticalIds: string[];
};

export const BOX = { width: 168, height: 56, columnGap: 48, rowGap: 16, margin: 8 } as const;

/** depth of every task: 0 without prerequisites in the plan, else 1 + its deepest prerequisite's; cycles cut */
function depths(tasks: readonly PlanTask[], byId: ReadonlyMap<string, PlanTask>): Map<string, number> {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle cannot be stored, but a picture should not hang on one
    visiting.add(id);
    const task = byId.get(id);
    let d = 0;
    for (const before of task?.after ?? []) if (byId.has(before)) d = Math.max(d, visit(before) + 1);
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const t of tasks) visit(t.id);
  return depth;
}

/** the heaviest chain of open tasks along the edges (ties: the earlier task in the given order) */
export function criticalPath(tasks: readonly PlanTask[]): string[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const open = tasks.filter((t) => !t.completed);
  const depth = depths(tasks, byId);
  const ordered = [...open].sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0));
  const best = new Map<string, { total: number; previous: string | null }>();
  for (const t of ordered) {
    let previous: string | null = null;
    let carried = 0;
    for (const before of t.after) {
      const chain = best.get(before);
      if (chain && chain.total > carried) {
        carried = chain.total;
        previous = before;
      }
    }
    best.set(t.id, { total: carried + t.minutes, previous });
  }
  let end: string | null = null;
  let heaviest = 0;
  for (const t of open) {
    const total = best.get(t.id)?.total ?? 0;
    if (total > heaviest) {
      heaviest = total;
      end = t.id;
    }
  }
  const path: string[] = [];
  for (let id = end; id !== null; id = best.get(id)?.previous ?? null) path.unshift(id);
  return path;
}

export function layoutPlan(tasks: readonly PlanTask[]): PlanLayout {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const depth = depths(tasks, byId);
  const criticalIds = criticalPath(tasks);
  const critical = new Set(criticalIds);
  const criticalEdges = new Set(criticalIds.slice(1).map((id, i) => `${criticalIds[i]}→${id}`));

  const rowsUsed: number[] = [];
  const boxes: PlanBox[] = tasks.map((t) => {
    const column = depth.get(t.id) ?? 0;
    const row = rowsUsed[column] ?? 0;
    rowsUsed[column] = row + 1;
    return {
      id: t.id,
      title: t.title,
      completed: t.completed,
      critical: critical.has(t.id),
      column,
      row,
      x: BOX.margin + column * (BOX.width + BOX.columnGap),
      y: BOX.margin + row * (BOX.height + BOX.rowGap),
    };
  });
  const boxOf = new Map(boxes.map((b) => [b.id, b]));

  const arrows: PlanArrow[] = [];
  for (const t of tasks) {
    const to = boxOf.get(t.id);
    for (const before of t.after) {
      const from = boxOf.get(before);
      if (!from || !to) continue;
      const x1 = from.x + BOX.width;
      const y1 = from.y + BOX.height / 2;
      const x2 = to.x;
      const y2 = to.y + BOX.height / 2;
      const bend = (x2 - x1) / 2;
      arrows.push({
        from: before,
        to: t.id,
        critical: criticalEdges.has(`${before}→${t.id}`),
        d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
      });
    }
  }

  const columns = rowsUsed.length;
  const rows = Math.max(0, ...rowsUsed);
  return {
    boxes,
    arrows,
    width: columns === 0 ? 0 : BOX.margin * 2 + columns * BOX.width + (columns - 1) * BOX.columnGap,
    height: rows === 0 ? 0 : BOX.margin * 2 + rows * BOX.height + (rows - 1) * BOX.rowGap,
    criticalIds,
  };
}

/** the title cut to fit a box: Hangul and other wide characters take about twice the width of Latin ones */
export function shorten(title: string, budget = 20): string {
  const width = (c: string) =>
    /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(c) ? 1.7 : 1;
  let used = 0;
  const chars = [...title];
  for (let i = 0; i < chars.length; i++) {
    used += width(chars[i]!);
    if (used > budget) return `${chars.slice(0, Math.max(1, i - 1)).join("")}…`;
  }
  return title;
}
