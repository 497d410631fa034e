// A goal's progress at a glance: completed tasks out of all, as a bar with its numbers for assistive technology.
export function ProgressBar({
  done,
  total,
  label,
  size = "md",
}: {
  done: number;
  total: number;
  label: string;
  size?: "sm" | "md";
}) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${done} / ${total}`}
      className={`w-full overflow-hidden rounded-full bg-surface-tint ${size === "sm" ? "h-1.5" : "h-2.5"}`}
    >
      <div className="h-full rounded-full bg-brand" style={{ width: `${percent}%` }} />
    </div>
  );
}
