// Shared class names of the task and statistics pages, so that buttons and cards look the same everywhere.
export const cardClass = "rounded-xl border border-line bg-surface p-4 shadow-sm";
export const linkButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand px-4 font-semibold text-on-brand shadow-sm hover:bg-brand-strong";
export const quietButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg border border-line bg-surface px-4 font-semibold text-brand " +
  "hover:bg-surface-tint disabled:cursor-wait disabled:opacity-70";
export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg border border-red-700/50 bg-surface px-4 font-semibold " +
  "text-red-800 hover:bg-red-50 disabled:cursor-wait disabled:opacity-70 dark:text-red-300 dark:hover:bg-red-950";
export const textLinkClass = "font-medium text-brand underline underline-offset-2 hover:text-brand-strong";
