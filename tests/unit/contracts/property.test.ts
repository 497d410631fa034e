// Whatever JSON a client sends, a contract answers a value or a ZodError (which lib/http turns into
// a 400 VALIDATION) — never another exception, which would be a 500 for bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { EmptyBody, IdempotencyKey } from "@/lib/contracts/common";
import { SignUpInput, TokenInput, UpdateMemberInput } from "@/lib/contracts/member";
import { DeletePushSubscriptionInput, PushSubscriptionInput } from "@/lib/contracts/push";
import {
  CreateScheduleInput,
  DeleteScheduleQuery,
  ListSchedulesQuery,
  ScheduleActionParams,
  TransitionInput,
  UpdateScheduleInput,
} from "@/lib/contracts/schedule";
import { WeekQuery } from "@/lib/contracts/statistics";
import {
  CreateTaskInput,
  DeleteTaskQuery,
  ListTasksQuery,
  ScheduleTaskInput,
  UpdateTaskInput,
} from "@/lib/contracts/task";
import { fieldErrorsOf } from "@/lib/refusals/refusal";

const bodies = {
  CreateTaskInput,
  UpdateTaskInput,
  ScheduleTaskInput,
  CreateScheduleInput,
  UpdateScheduleInput,
  TransitionInput,
  SignUpInput,
  TokenInput,
  UpdateMemberInput,
  PushSubscriptionInput,
  DeletePushSubscriptionInput,
  EmptyBody,
};
const queries = {
  ListTasksQuery,
  DeleteTaskQuery,
  ListSchedulesQuery,
  DeleteScheduleQuery,
  WeekQuery,
  ScheduleActionParams,
};

function neverThrowsButZod(schema: z.ZodType, value: unknown) {
  try {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      expect(Object.keys(fields).length).toBeGreaterThan(0);
      for (const reasons of Object.values(fields)) for (const r of reasons) expect(typeof r).toBe("string");
    }
    schema.parse(value);
  } catch (e) {
    expect(e).toBeInstanceOf(z.ZodError);
  }
}

// JSON values, with the contracts' own keys and near-valid strings mixed in so that deep paths are reached
const keys = fc.constantFrom(
  "title",
  "description",
  "deadline",
  "importance",
  "difficulty",
  "expectedMinutes",
  "previousTaskIds",
  "nextTaskIds",
  "addPreviousTaskIds",
  "removePreviousTaskIds",
  "version",
  "startAt",
  "type",
  "taskId",
  "switch",
  "username",
  "password",
  "nickname",
  "timezone",
  "dailyGoalMinutes",
  "reminderLeadMinutes",
  "locale",
  "endpoint",
  "keys",
  "p256dh",
  "auth",
  "fcmToken",
  "expirationTime",
  "status",
  "cursor",
  "limit",
  "date",
  "from",
  "to",
  "id",
  "action",
  "deleteTask",
  "deleteSchedule",
  "__proto__",
  "constructor",
);
const strings = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "2026-03-01",
    "2026-02-30",
    "2026-03-01T09:00:00+09:00",
    "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e",
    "DEEP_WORK",
    "start",
    "true",
    "Asia/Seoul",
    "https://push.example.com/x",
    "",
    "   ",
  ),
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    strings,
    fc.array(tie("json"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(keys, fc.string()), tie("json"), { maxKeys: 6 }),
  ),
}));
const objects = fc.dictionary(keys, json, { maxKeys: 8 });

describe("contracts against arbitrary JSON", () => {
  for (const [name, schema] of Object.entries(bodies)) {
    it(`${name} answers a value or a ZodError`, () => {
      fc.assert(
        fc.property(fc.oneof(json, objects), (value) => neverThrowsButZod(schema, value)),
        { numRuns: 300 },
      );
    });
  }
  for (const [name, schema] of Object.entries(queries)) {
    it(`${name} answers a value or a ZodError for any query string`, () => {
      const query = fc.dictionary(keys, fc.oneof(strings, fc.array(strings, { maxLength: 3 })), { maxKeys: 6 });
      fc.assert(
        fc.property(fc.oneof(query, json), (value) => neverThrowsButZod(schema, value)),
        { numRuns: 300 },
      );
    });
  }
  it("IdempotencyKey answers a value or a ZodError for any header", () => {
    fc.assert(fc.property(fc.oneof(strings, json), (value) => neverThrowsButZod(IdempotencyKey, value)));
  });
});
