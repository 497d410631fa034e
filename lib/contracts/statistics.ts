// GET /statistics/week (api.md "Statistics"): Monday to Sunday in the member's time zone.

import * as z from "zod";
import { SCHEDULE_TYPES, type ScheduleType } from "@/lib/domain/limits";
import { LocalDate, view } from "./common";

export const WeekQuery = z.object({
  date: LocalDate.optional().meta({ description: "Any day of the week; default: today in the member's time zone." }),
});
export type WeekQuery = z.output<typeof WeekQuery>;

const Seconds = z.int().min(0);

/** seconds by schedule type; every type is listed (0 where none) */
export const SecondsByType = view(
  Object.fromEntries(SCHEDULE_TYPES.map((type) => [type, Seconds])) as Record<ScheduleType, typeof Seconds>,
).meta({ id: "SecondsByType" });

export const WeekDayStatistics = view({
  date: LocalDate,
  seconds: Seconds,
  byType: SecondsByType,
  completedCount: z.int().min(0),
  goalSeconds: z.int().min(0).meta({ description: "The daily goal × 60." }),
});

export const WeekStatistics = view({
  weekStart: LocalDate.meta({ description: "The Monday." }),
  totalSeconds: Seconds,
  byType: SecondsByType,
  days: z.array(WeekDayStatistics).length(7).meta({ description: "Monday to Sunday." }),
  completedCount: z.int().min(0),
}).meta({ id: "WeekStatistics" });
export type WeekStatistics = z.output<typeof WeekStatistics>;
