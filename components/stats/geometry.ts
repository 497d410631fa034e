// The arithmetic of the statistics charts, as pure functions (unit-tested in tests/unit/stats): the SVG
// components only draw what these return. Coordinates are in the chart's own viewBox units.

export type Bar = { x: number; y: number; width: number; height: number };
export type BarChartGeometry = { bars: Bar[]; goalY: number; scaleMax: number };

export type BarChartBox = { width: number; height: number; gap: number };

/**
 * One bar per value, side by side over the full width, growing up from the bottom. The scale reaches the larger
 * of the highest value and the goal (plus a tenth of head-room) so the goal line always shows. Nothing worked and
 * no goal: an empty scale of 1 (flat bars, the line on the floor) rather than a division by zero.
 */
export function barChart(values: readonly number[], goal: number, box: BarChartBox): BarChartGeometry {
  const top = Math.max(goal, ...values, 0);
  const scaleMax = top > 0 ? top * 1.1 : 1;
  const slot = values.length > 0 ? box.width / values.length : box.width;
  const width = Math.max(slot - box.gap, 0);
  const heightOf = (v: number) => (Math.max(v, 0) / scaleMax) * box.height;
  const bars = values.map((v, i) => {
    const height = heightOf(v);
    return { x: i * slot + box.gap / 2, y: box.height - height, width, height };
  });
  return { bars, goalY: box.height - heightOf(goal), scaleMax };
}

export type DonutSegment = { value: number; share: number; dashArray: string; dashOffset: number };

/**
 * Donut segments drawn as stroked circles: each is a dash as long as its share of the circumference, moved along
 * by the shares before it (a full circle then needs no special case, unlike an SVG arc). Starts at 12 o'clock
 * when the circle is rotated −90°. All zero: every share is 0 and nothing is drawn.
 */
export function donutSegments(values: readonly number[], radius: number): DonutSegment[] {
  const total = values.reduce((sum, v) => sum + Math.max(v, 0), 0);
  const circumference = 2 * Math.PI * radius;
  let before = 0;
  return values.map((raw) => {
    const value = Math.max(raw, 0);
    const share = total > 0 ? value / total : 0;
    const length = share * circumference;
    const segment = {
      value,
      share,
      dashArray: `${round(length)} ${round(circumference - length)}`,
      dashOffset: before === 0 ? 0 : round(-before),
    };
    before += length;
    return segment;
  });
}

/** whole hours, the minutes left over and the seconds left over (the statistics count whole seconds) */
export function hoursAndMinutes(seconds: number): { hours: number; minutes: number; seconds: number } {
  const whole = Math.floor(Math.max(seconds, 0));
  const totalMinutes = Math.floor(whole / 60);
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60, seconds: whole % 60 };
}

/** a share as a whole percentage for people (0–100, rounded) */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
