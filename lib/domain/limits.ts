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
