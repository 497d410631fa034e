// The two statistics charts as small server-rendered SVGs (no chart library, no client JavaScript). They are
// pictures of numbers the page also shows in tables, so each has a text name (role="img") and nothing inside
// is read out twice.
import { SCHEDULE_TYPES, type ScheduleType } from "@/lib/domain/limits";
import { barChart, donutSegments } from "./geometry";

/** a colour per schedule type, each at least 3:1 against the card in both schemes (WCAG non-text contrast) */
export const TYPE_COLOURS: Record<ScheduleType, { fill: string; stroke: string }> = {
  DEEP_WORK: { fill: "fill-brand", stroke: "stroke-brand" },
  QUICK_TASK: { fill: "fill-amber-700 dark:fill-amber-400", stroke: "stroke-amber-700 dark:stroke-amber-400" },
  ADMIN_TASK: { fill: "fill-violet-700 dark:fill-violet-400", stroke: "stroke-violet-700 dark:stroke-violet-400" },
};

const BOX = { width: 700, height: 220, gap: 28 };
const LABEL_SPACE = 28;

type DailyBarsProps = {
  label: string;
  goalLabel: string;
  days: { label: string; seconds: number }[];
  goalSeconds: number;
};

export function DailyBars({ label, goalLabel, days, goalSeconds }: DailyBarsProps) {
  const g = barChart(
    days.map((d) => d.seconds),
    goalSeconds,
    BOX,
  );
  return (
    <svg
      viewBox={`0 0 ${BOX.width} ${BOX.height + LABEL_SPACE}`}
      role="img"
      aria-label={label}
      className="h-auto w-full"
    >
      <line x1={0} x2={BOX.width} y1={BOX.height} y2={BOX.height} className="stroke-line" strokeWidth={2} />
      {g.bars.map((bar, i) => (
        <g key={days[i]!.label}>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={6} className="fill-brand" />
          <text x={bar.x + bar.width / 2} y={BOX.height + 20} textAnchor="middle" className="fill-muted text-[15px]">
            {days[i]!.label}
          </text>
        </g>
      ))}
      {goalSeconds > 0 ? (
        <g>
          <line
            x1={0}
            x2={BOX.width}
            y1={g.goalY}
            y2={g.goalY}
            className="stroke-ink"
            strokeWidth={2}
            strokeDasharray="8 6"
            data-testid="goal-line"
          />
          {/* the line's name, above its right end (the goal itself is in the figures above the chart) */}
          <text
            x={BOX.width}
            y={Math.max(g.goalY - 8, 14)}
            textAnchor="end"
            className="fill-ink text-[15px] font-semibold"
          >
            {goalLabel}
          </text>
        </g>
      ) : null}
    </svg>
  );
}

const RADIUS = 60;
const RING = 26;

export function TypeDonut({ label, byType }: { label: string; byType: Record<ScheduleType, number> }) {
  const segments = donutSegments(
    SCHEDULE_TYPES.map((type) => byType[type]),
    RADIUS,
  );
  const size = (RADIUS + RING) * 2;
  return (
    <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} className="size-40 shrink-0">
      <g transform={`rotate(-90 ${size / 2} ${size / 2})`}>
        <circle cx={size / 2} cy={size / 2} r={RADIUS} fill="none" strokeWidth={RING} className="stroke-surface-tint" />
        {segments.map((s, i) =>
          s.share > 0 ? (
            <circle
              key={SCHEDULE_TYPES[i]}
              cx={size / 2}
              cy={size / 2}
              r={RADIUS}
              fill="none"
              strokeWidth={RING}
              strokeDasharray={s.dashArray}
              strokeDashoffset={s.dashOffset}
              className={TYPE_COLOURS[SCHEDULE_TYPES[i]!].stroke}
            />
          ) : null,
        )}
      </g>
    </svg>
  );
}
