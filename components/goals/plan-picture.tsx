// The plan drawn as a picture: tasks as boxes in columns by dependency depth, arrows for "before", done ones
// ticked, the critical path outlined thick. The geometry is plan-layout.ts; the same tasks are listed in text
// under the picture so the plan does not rest on the picture alone. Scrolls sideways on a phone.
import { BOX, layoutPlan, shorten, type PlanTask } from "./plan-layout";

type Props = { tasks: PlanTask[]; label: string; doneLabel: string; criticalLabel: string };

export function PlanPicture({ tasks, label, doneLabel, criticalLabel }: Props) {
  const plan = layoutPlan(tasks);
  return (
    // focusable, so that a keyboard can scroll a plan wider than the screen
    <div
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-line bg-surface p-2 focus-visible:outline-3 focus-visible:outline-focus"
      data-testid="plan-picture"
    >
      <svg
        role="img"
        aria-label={label}
        width={plan.width}
        height={plan.height}
        viewBox={`0 0 ${plan.width} ${plan.height}`}
        className="block max-w-none"
      >
        <defs>
          <marker
            id="plan-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className="fill-muted" />
          </marker>
          <marker
            id="plan-arrow-critical"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className="fill-brand" />
          </marker>
        </defs>
        {plan.arrows.map((a) => (
          <path
            key={`${a.from}-${a.to}`}
            d={a.d}
            fill="none"
            className={a.critical ? "stroke-brand" : "stroke-muted"}
            strokeWidth={a.critical ? 2.5 : 1.5}
            markerEnd={`url(#${a.critical ? "plan-arrow-critical" : "plan-arrow"})`}
            data-critical={a.critical || undefined}
          />
        ))}
        {plan.boxes.map((b) => (
          <g
            key={b.id}
            transform={`translate(${b.x} ${b.y})`}
            data-testid="plan-box"
            data-done={b.completed || undefined}
            data-critical={b.critical || undefined}
          >
            <title>{`${b.title}${b.completed ? ` (${doneLabel})` : ""}${b.critical ? ` (${criticalLabel})` : ""}`}</title>
            <rect
              width={BOX.width}
              height={BOX.height}
              rx={10}
              className={
                b.completed
                  ? "fill-surface-tint stroke-line"
                  : b.critical
                    ? "fill-surface stroke-brand"
                    : "fill-surface stroke-line"
              }
              strokeWidth={b.critical ? 3 : 1.5}
            />
            {b.completed ? (
              <path
                d="M 12 29 l 6 6 l 12 -13"
                fill="none"
                className="stroke-brand"
                strokeWidth={3}
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            ) : null}
            <text
              x={b.completed ? 38 : 12}
              y={BOX.height / 2 + 5}
              className={`fill-ink text-[13px] ${b.completed ? "line-through" : ""}`}
            >
              {shorten(b.title, b.completed ? 17 : 20)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
