// What the pages of (app) read from their query string, parsed once per page: a usable value, or the page's
// default with `refused` set so that the page says why it shows the default (never the error page).
import { SUPPORTED_DATES } from "@/lib/domain/limits";
import { addDays, isValidDate, weekStartOf } from "@/lib/domain/time";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** a parsed query value: `refused` when the URL named one that could not be used */
export type PageParam<T> = { value: T; refused: boolean };

/** a key given once, as text; a repeated key (`?date=a&date=b`) is not usable */
function single(raw: string | string[] | undefined): string | undefined | null {
  if (raw === undefined) return undefined;
  return typeof raw === "string" ? raw : null;
}

/**
 * `?date=` (Today) and `?week=` (Statistics): a date whose whole Monday–Sunday week lies in SUPPORTED_DATES,
 * since both pages show the week around it; otherwise `today`. 1970-01-01 is a Thursday: its week starts in 1969.
 */
export function weekDateParam(raw: string | string[] | undefined, today: string): PageParam<string> {
  const date = single(raw);
  if (date === undefined) return { value: today, refused: false };
  if (date === null || !isValidDate(date) || date < SUPPORTED_DATES.min || date > SUPPORTED_DATES.max) {
    return { value: today, refused: true };
  }
  const monday = weekStartOf(date);
  if (monday < SUPPORTED_DATES.min || addDays(monday, 6) > SUPPORTED_DATES.max) return { value: today, refused: true };
  return { value: date, refused: false };
}

/** one of `allowed`, else `fallback` (refused when something else was named) */
export function choiceParam<T extends string>(
  raw: string | string[] | undefined,
  allowed: readonly T[],
  fallback: T,
): PageParam<T> {
  const value = single(raw);
  if (value === undefined) return { value: fallback, refused: false };
  return value !== null && (allowed as readonly string[]).includes(value)
    ? { value: value as T, refused: false }
    : { value: fallback, refused: true };
}

/** free text the service checks itself (an opaque cursor); a repeated key is refused */
export function textParam(raw: string | string[] | undefined): PageParam<string | undefined> {
  const value = single(raw);
  return value === null ? { value: undefined, refused: true } : { value, refused: false };
}
