// The limits of domain.md, as data. The zod contracts (lib/contracts), the forms and the database's
// CHECK constraints (prisma/migrations/*_init) all repeat these numbers; this file is where they are decided.

export const USERNAME = { min: 4, max: 20, pattern: /^[a-z0-9_.]+$/ } as const;
export const PASSWORD = { min: 8, max: 64 } as const;
export const NICKNAME = { min: 1, max: 20 } as const;
export const DAILY_GOAL_MINUTES = { min: 1, max: 1440, default: 240 } as const;
export const REMINDER_LEAD_MINUTES = { min: 0, max: 120, default: 10, presets: [0, 5, 10, 15, 30, 60] } as const;
export const DEFAULT_TIME_ZONE = "Asia/Seoul";
export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const TITLE = { min: 1, max: 40 } as const;
export const DESCRIPTION = { max: 500 } as const;
export const IMPORTANCE = { min: 1, max: 9 } as const;
export const DIFFICULTIES = [1, 2, 3, 5, 8, 13, 21] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const EXPECTED_MINUTES = { min: 1, max: 1440 } as const;

export const SCHEDULE_TYPES = ["DEEP_WORK", "QUICK_TASK", "ADMIN_TASK"] as const;
export type ScheduleType = (typeof SCHEDULE_TYPES)[number];

/** GET /schedules?from=&to= covers at most this many days, both ends included */
export const MAX_RANGE_DAYS = 42;
export const PAGE_LIMIT = { min: 1, max: 100, default: 20 } as const;
export const IDEMPOTENCY_KEY = { min: 1, max: 255, pattern: /^[\x20-\x7E]+$/ } as const;
/** how long the first answer to an Idempotency-Key is kept (api.md: at least 24 hours) */
export const IDEMPOTENCY_TTL_HOURS = 48;
/** how many ids one dependency change may name */
export const MAX_DEPENDENCY_IDS = 50;

/**
 * The calendar Pinit plans on. Dates and instants outside it are refused as VALIDATION: a planner needs no
 * year 0 or 9999, and at the edges of what PostgreSQL and JavaScript can hold, local midnights of the first and
 * last days fall outside the range (and five-digit years would break the ordering of YYYY-MM-DD text).
 */
export const SUPPORTED_DATES = { min: "1970-01-01", max: "2999-12-31" } as const;

// ---------------------------------------------------------------------------------------------
// Planning (planning.md): goals, planned minutes, working hours, estimates
// ---------------------------------------------------------------------------------------------

export const GOAL_TITLE = { min: 1, max: 60 } as const;
export const GOAL_DESCRIPTION = { max: 1000 } as const;
export const GOAL_STATUSES = ["ACTIVE", "ACHIEVED", "ARCHIVED"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** how many tasks one accepted break-down may create (a proposal has at most 15; the member may add some) */
export const MAX_ACCEPTED_TASKS = 50;
/** a task's ref within one break-down */
export const TASK_REF = { min: 1, max: 40 } as const;

/** a schedule's block on the calendar: given, else its task's expected minutes or estimate, else the default */
export const PLANNED_MINUTES = { min: 5, max: 720, default: 30 } as const;
/** minutes kept free between two placed blocks */
export const BUFFER_MINUTES = { min: 0, max: 60, default: 10 } as const;
/** ISO weekdays, 1 = Monday … 7 = Sunday, as the keys of a member's working hours */
export const ISO_WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];
/** at most this many working intervals on one day */
export const MAX_WORKING_INTERVALS_PER_DAY = 12;

/** the estimate of a task without expected minutes, by difficulty, until the member has history */
export const DEFAULT_ESTIMATE_MINUTES: Readonly<Record<Difficulty, number>> = {
  1: 15,
  2: 30,
  3: 45,
  5: 90,
  8: 150,
  13: 240,
  21: 360,
};
/** completed tasks of one difficulty (with recorded time) before their median replaces the default */
export const MIN_ESTIMATE_SAMPLES = 3;
