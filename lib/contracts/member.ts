// The member: POST /auth/signup, POST /auth/token, GET/PATCH /me (api.md, domain.md "Member").

import * as z from "zod";
import {
  BUFFER_MINUTES,
  DAILY_GOAL_MINUTES,
  ISO_WEEKDAYS,
  MAX_WORKING_INTERVALS_PER_DAY,
  DEFAULT_TIME_ZONE,
  LOCALES,
  NICKNAME,
  PASSWORD,
  REMINDER_LEAD_MINUTES,
  USERNAME,
} from "@/lib/domain/limits";
import { isValidTimeZone } from "@/lib/domain/time";
import { WALL_TIME, WALL_TIME_OR_MIDNIGHT, minuteOfDay, overlappingIntervals } from "@/lib/domain/goals/working-hours";
import { Id, body, characterCount, integer, oneOfMessage, requiredOr, text, view } from "./common";

/** the width of members.timezone (VarChar(64)); the longest IANA name is about half of it */
export const TIME_ZONE_MAX_LENGTH = 64;

/** an IANA time zone name that this runtime knows ("Asia/Seoul", "UTC"); offsets such as "+09:00" are not names */
export const TimeZone = z
  .string({ error: requiredOr("must be text") })
  .max(TIME_ZONE_MAX_LENGTH, `must be at most ${TIME_ZONE_MAX_LENGTH} characters`)
  .refine(isValidTimeZone, "must be an IANA time zone name such as Asia/Seoul")
  .meta({ description: "An IANA time zone name.", examples: ["Asia/Seoul"] });

export const Username = z
  .string({ error: requiredOr("must be text") })
  .min(USERNAME.min, `must be at least ${USERNAME.min} characters`)
  .max(USERNAME.max, `must be at most ${USERNAME.max} characters`)
  .regex(USERNAME.pattern, "may contain only lowercase letters, digits, _ and .")
  .meta({ description: `${USERNAME.min}–${USERNAME.max} lowercase letters, digits, _ and .` });

export const Password = text({ min: PASSWORD.min, max: PASSWORD.max })
  .refine((s) => /\p{L}/u.test(s) && /\p{Nd}/u.test(s), "must contain at least one letter and one digit")
  .meta({ description: `${PASSWORD.min}–${PASSWORD.max} characters with at least one letter and one digit.` });

export const Nickname = text({ min: NICKNAME.min, max: NICKNAME.max, trim: true });
export const Locale = z.enum(LOCALES, { error: requiredOr(oneOfMessage(LOCALES)) });
export const DailyGoalMinutes = integer(DAILY_GOAL_MINUTES.min, DAILY_GOAL_MINUTES.max, "Minutes of work a day.");
export const ReminderLeadMinutes = integer(
  REMINDER_LEAD_MINUTES.min,
  REMINDER_LEAD_MINUTES.max,
  `Minutes before a schedule's start to remind; the UI offers ${REMINDER_LEAD_MINUTES.presets.join(", ")}.`,
);

/** one working interval of a day, on the member's wall clock; "24:00" ends it at midnight */
export const WorkingInterval = body({
  start: z
    .string({ error: requiredOr("must be a time HH:MM") })
    .regex(WALL_TIME, "must be a time HH:MM from 00:00 to 23:59"),
  end: z
    .string({ error: requiredOr("must be a time HH:MM") })
    .regex(WALL_TIME_OR_MIDNIGHT, "must be a time HH:MM from 00:01 to 24:00"),
}).superRefine((interval, ctx) => {
  if (
    WALL_TIME.test(interval.start) &&
    WALL_TIME_OR_MIDNIGHT.test(interval.end) &&
    minuteOfDay(interval.end) <= minuteOfDay(interval.start)
  ) {
    ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
  }
});

const WorkingDay = z
  .array(WorkingInterval, { error: requiredOr("must be a list of { start, end }") })
  .max(MAX_WORKING_INTERVALS_PER_DAY, `must have at most ${MAX_WORKING_INTERVALS_PER_DAY} intervals`)
  .superRefine((intervals, ctx) => {
    for (const [, later] of overlappingIntervals(intervals)) {
      ctx.addIssue({ code: "custom", path: [later], message: "must not overlap another interval of the day" });
    }
  });

/**
 * A member's working hours: a key per ISO weekday "1" (Monday) … "7" (Sunday), each a list of intervals
 * (end after start, no overlap within the day). A PATCH replaces the whole week, so every day is required.
 */
export const WorkingHours = body(
  Object.fromEntries(ISO_WEEKDAYS.map((day) => [day, WorkingDay])) as Record<
    (typeof ISO_WEEKDAYS)[number],
    typeof WorkingDay
  >,
).meta({
  id: "WorkingHours",
  description: 'Per ISO weekday "1" (Monday) … "7" (Sunday), the intervals of work in the member\'s time zone.',
});
export type WorkingHours = z.output<typeof WorkingHours>;

export const BufferMinutes = integer(
  BUFFER_MINUTES.min,
  BUFFER_MINUTES.max,
  "Minutes kept free between placed blocks.",
);

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** POST /auth/signup; nickname defaults to the username (the service's choice) */
export const SignUpInput = body({
  username: Username,
  password: Password,
  nickname: Nickname.optional(),
  timezone: TimeZone.default(DEFAULT_TIME_ZONE).meta({ description: "Default: the browser's zone, else Asia/Seoul." }),
}).meta({ id: "SignUpInput" });
export type SignUpInput = z.output<typeof SignUpInput>;

/**
 * POST /auth/token. Only the lengths are checked here: a username or password that breaks the
 * sign-up rules cannot match anyone and answers 401 like any other bad credential.
 */
export const TokenInput = body({
  username: z
    .string({ error: requiredOr("must be text") })
    .min(1, "must not be empty")
    .max(USERNAME.max, `must be at most ${USERNAME.max} characters`),
  password: z
    .string({ error: requiredOr("must be text") })
    .min(1, "must not be empty")
    .refine((s) => characterCount(s) <= PASSWORD.max, `must be at most ${PASSWORD.max} characters`),
}).meta({ id: "TokenInput" });
export type TokenInput = z.output<typeof TokenInput>;

/** PATCH /me: any of these */
export const UpdateMemberInput = body({
  nickname: Nickname.optional(),
  timezone: TimeZone.optional(),
  dailyGoalMinutes: DailyGoalMinutes.optional(),
  reminderLeadMinutes: ReminderLeadMinutes.optional(),
  locale: Locale.optional(),
  workingHours: WorkingHours.optional().meta({ description: "Replaces the whole week." }),
  bufferMinutes: BufferMinutes.optional(),
}).meta({ id: "UpdateMemberInput" });
export type UpdateMemberInput = z.output<typeof UpdateMemberInput>;

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

export const MemberView = view({
  id: Id,
  username: z.string().nullable().meta({ description: "null for a member who signs in only through Naver." }),
  nickname: z.string(),
  timezone: z.string(),
  dailyGoalMinutes: z.int(),
  reminderLeadMinutes: z.int(),
  locale: Locale,
  workingHours: WorkingHours,
  bufferMinutes: z.int(),
  activeScheduleId: Id.nullable().meta({ description: "The running schedule, or null." }),
}).meta({ id: "Member" });
export type MemberView = z.output<typeof MemberView>;

export const TokenResponse = view({
  accessToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.int().min(1).meta({ description: "Seconds until it expires." }),
}).meta({ id: "Token" });
export type TokenResponse = z.output<typeof TokenResponse>;

/**
 * POST /me/password (and the settings form): the current password, checked like a sign-in (throttled), and the
 * new one under the sign-up rules. Every session and API token of the member ends; the settings page keeps its own.
 */
export const ChangePasswordInput = body({
  // any password sign-up took is one line of at most 64 characters: nothing else can be right
  currentPassword: text({ min: 1, max: PASSWORD.max }),
  newPassword: Password,
}).meta({ id: "ChangePasswordInput" });
export type ChangePasswordInput = z.output<typeof ChangePasswordInput>;
