import * as z from "zod";
import { SNOOZE_MINUTES } from "@/lib/domain/reminders";
import { body } from "./common";

/** POST /schedules/{id}/reminder/snooze: remind again in 10 minutes or an hour */
export const SnoozeInput = body({
  minutes: z
    .union(
      SNOOZE_MINUTES.map((m) => z.literal(m)),
      { error: `must be one of ${SNOOZE_MINUTES.join(", ")}` },
    )
    .default(10)
    .meta({ description: "Minutes from now: 10 or 60." }),
}).meta({ id: "SnoozeInput" });
export type SnoozeInput = z.output<typeof SnoozeInput>;

export const SnoozeAnswer = z.object({ scheduleId: z.string(), until: z.string() }).meta({ id: "SnoozeAnswer" });
