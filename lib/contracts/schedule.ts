// Schedules: POST/GET /schedules, GET/PATCH/DELETE /schedules/{id}, POST /schedules/{id}/{action} (api.md).

import * as z from "zod";
import { MAX_RANGE_DAYS, PLANNED_MINUTES } from "@/lib/domain/limits";
import { addDays, isSupportedDate } from "@/lib/domain/time";
import {
  Description,
  Id,
  INT4_MAX,
  Instant,
  InstantInput,
  LocalDate,
  ScheduleAction,
  ScheduleState,
  ScheduleType,
  Title,
  Version,
  body,
  integer,
  queryFlag,
  queryInteger,
  view,
} from "./common";

/** the minutes a schedule occupies on the calendar, [startAt, startAt + plannedMinutes) */
export const PlannedMinutes = integer(
  PLANNED_MINUTES.min,
  PLANNED_MINUTES.max,
  "The block's length on the calendar, in minutes.",
);

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** POST /schedules */
export const CreateScheduleInput = body({
  title: Title,
  description: Description.default(""),
  startAt: InstantInput,
  type: ScheduleType,
  /** absent or null: not linked; a task has at most one schedule (a second one answers 409 DUPLICATE) */
  taskId: Id.nullable().default(null).meta({ description: "The task to link; at most one schedule per task." }),
  plannedMinutes: PlannedMinutes.optional().meta({
    description: `Default: the linked task's expected minutes, else its estimate, else ${PLANNED_MINUTES.default}.`,
  }),
}).meta({ id: "CreateScheduleInput" });
export type CreateScheduleInput = z.output<typeof CreateScheduleInput>;

/** PATCH /schedules/{id}: allowed only while NOT_STARTED (else 409 ILLEGAL_TRANSITION) */
export const UpdateScheduleInput = body({
  title: Title.optional(),
  description: Description.optional(),
  startAt: InstantInput.optional(),
  type: ScheduleType.optional(),
  plannedMinutes: PlannedMinutes.optional(),
  version: Version.optional(),
}).meta({ id: "UpdateScheduleInput" });
export type UpdateScheduleInput = z.output<typeof UpdateScheduleInput>;

/**
 * GET /schedules?date= or ?from=&to= — exactly one of the two forms. A range has from <= to and
 * covers at most MAX_RANGE_DAYS days, both ends included. Use scheduleRange() for the days it names.
 */
export const ListSchedulesQuery = z
  .object({
    date: LocalDate.optional().meta({ description: "One local day." }),
    from: LocalDate.optional().meta({ description: "First local day of a range (with to)." }),
    to: LocalDate.optional().meta({
      description: `Last local day of a range (with from), included; at most ${MAX_RANGE_DAYS} days in all.`,
    }),
  })
  .superRefine((q, ctx) => {
    const hasRange = q.from !== undefined || q.to !== undefined;
    if (q.date !== undefined && hasRange) {
      ctx.addIssue({ code: "custom", path: [], message: "give either date, or from and to, not both" });
      return;
    }
    if (q.date === undefined && !hasRange) {
      ctx.addIssue({ code: "custom", path: [], message: "give date, or from and to" });
      return;
    }
    if (q.date !== undefined) return;
    if (q.from === undefined) ctx.addIssue({ code: "custom", path: ["from"], message: "is required with to" });
    if (q.to === undefined) ctx.addIssue({ code: "custom", path: ["to"], message: "is required with from" });
    // a day that does not exist, or lies outside the supported calendar, has its own refusal already
    if (q.from === undefined || q.to === undefined || !isSupportedDate(q.from) || !isSupportedDate(q.to)) return;
    // YYYY-MM-DD strings compare like the days they name
    if (q.to < q.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    } else if (q.to > addDays(q.from, MAX_RANGE_DAYS - 1)) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `must be at most ${MAX_RANGE_DAYS} days from from, both days included`,
      });
    }
  });
export type ListSchedulesQuery = z.output<typeof ListSchedulesQuery>;

/** the local days a valid ListSchedulesQuery names, both included */
export function scheduleRange(query: ListSchedulesQuery): { from: string; to: string } {
  if (query.date !== undefined) return { from: query.date, to: query.date };
  if (query.from === undefined || query.to === undefined) throw new RangeError("not a parsed ListSchedulesQuery");
  return { from: query.from, to: query.to };
}

/** path parameters of POST /schedules/{id}/{action} */
export const ScheduleActionParams = z.object({ id: Id, action: ScheduleAction });
export type ScheduleActionParams = z.output<typeof ScheduleActionParams>;

/**
 * The body of POST /schedules/{id}/{action}: nothing, {} or { switch }. `switch` matters only for
 * start and resume while another schedule runs: that one is paused and this one started at once.
 */
export const TransitionInput = body({
  switch: z
    .boolean({ error: "must be true or false" })
    .default(false)
    .meta({ description: "start/resume: pause the running schedule instead of refusing (409)." }),
}).meta({ id: "TransitionInput" });
export type TransitionInput = z.output<typeof TransitionInput>;

/** DELETE /schedules/{id}?deleteTask=true|false&version= — allowed when NOT_STARTED or COMPLETED */
export const DeleteScheduleQuery = z.object({
  deleteTask: queryFlag("true: delete the linked task too; false (default): only unlink it."),
  version: queryInteger(1, INT4_MAX)
    .optional()
    .meta({ description: "The version last read; a stale one answers 409." }),
});
export type DeleteScheduleQuery = z.output<typeof DeleteScheduleQuery>;

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

/** a schedule in answers */
export const ScheduleView = view({
  id: Id,
  title: z.string(),
  description: z.string(),
  startAt: Instant,
  plannedMinutes: z
    .int()
    .min(PLANNED_MINUTES.min)
    .max(PLANNED_MINUTES.max)
    .meta({ description: "Its block on the calendar." }),
  type: ScheduleType,
  state: ScheduleState,
  taskId: Id.nullable(),
  elapsedSeconds: z.int().min(0).meta({ description: "Closed sessions plus the open one so far, whole seconds." }),
  sessionStartedAt: Instant.nullable().meta({ description: "When the open work session began, or null." }),
  allowedActions: z.array(ScheduleAction).meta({ description: "What the transition table allows now." }),
  version: z.int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
}).meta({ id: "Schedule" });
export type ScheduleView = z.output<typeof ScheduleView>;

/** GET /schedules: ordered by startAt */
export const ScheduleList = view({ items: z.array(ScheduleView) }).meta({ id: "ScheduleList" });
export type ScheduleList = z.output<typeof ScheduleList>;
