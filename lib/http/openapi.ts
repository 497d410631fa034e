// The OpenAPI 3.1 document of /api/v1 (served at /api/v1/openapi.json, rendered at /api/docs), built
// from the same zod contracts that validate the requests: the document cannot drift from the code.
// Every path of api.md's table is here, with the refusals each operation can answer.

import * as z from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { MAX_RANGE_DAYS } from "@/lib/domain/limits";
import { EmptyBody, ErrorBody, IdParams, IdempotencyKey } from "@/lib/contracts/common";
import {
  AcceptTasksInput,
  AcceptedTasks,
  CreateGoalInput,
  DeleteGoalQuery,
  GoalList,
  GoalView,
  ListGoalsQuery,
  UpdateGoalInput,
} from "@/lib/contracts/goal";
import { BreakdownInput, BreakdownProposal } from "@/lib/contracts/breakdown";
import {
  ChangePasswordInput,
  MemberView,
  SignUpInput,
  TokenInput,
  TokenResponse,
  UpdateMemberInput,
} from "@/lib/contracts/member";
import { DeletePushSubscriptionInput, PushSubscriptionInput } from "@/lib/contracts/push";
import { PushDeviceView, PushPublicKeyView } from "@/lib/push/contracts";
import {
  CreateScheduleInput,
  DeleteScheduleQuery,
  ListSchedulesQuery,
  ScheduleActionParams,
  ScheduleList,
  ScheduleView,
  TransitionInput,
  UpdateScheduleInput,
} from "@/lib/contracts/schedule";
import { AcceptPlanInput, AcceptedPlan, PLACEMENT_REFUSALS, PlanAnswer, PlanInput } from "@/lib/contracts/plan";
import { ReminderStatusQuery, ReminderStatusView, SnoozeAnswer, SnoozeInput } from "@/lib/contracts/reminder";
import { WeekQuery, WeekStatistics } from "@/lib/contracts/statistics";
import {
  CreateTaskInput,
  DeleteTaskQuery,
  ListTasksQuery,
  ScheduleTaskInput,
  TaskPage,
  TaskView,
  UpdateTaskInput,
} from "@/lib/contracts/task";
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, MAX_BODY_BYTES } from "./handler";

export type OpenApiDocument = ReturnType<typeof createDocument>;

/** the session cookie next-auth sets (with the __Secure- prefix over https) */
export const SESSION_COOKIE_NAME = "next-auth.session-token";

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

const errorContent = { "application/json": { schema: ErrorBody } };

function refusal(description: string, extra: Partial<ZodOpenApiResponseObject> = {}): ZodOpenApiResponseObject {
  return { description, content: errorContent, ...extra };
}

// the refusals every operation shares, registered once as components (id)
const R = {
  400: refusal(
    "VALIDATION — details.fieldErrors lists every refused field with all its reasons (nested fields " +
      'joined with ".", the body or query itself under "_"). Also a malformed, non-object or too large ' +
      `(over ${MAX_BODY_BYTES / 1024} KiB) JSON body, a body that is not application/json, or an ` +
      "Idempotency-Key on a POST that does not list one.",
    { id: "ValidationError" },
  ),
  401: refusal("UNAUTHORIZED — not signed in: send the session cookie or Authorization: Bearer <token>.", {
    id: "Unauthorized",
  }),
  404: refusal("NOT_FOUND — no such id among the member's (another member's id answers the same).", {
    id: "NotFound",
  }),
  422: refusal("IDEMPOTENCY_KEY_REUSED — this Idempotency-Key was used with another method, path or body.", {
    id: "IdempotencyKeyReused",
  }),
  429: refusal("RATE_LIMITED — too many attempts; wait the seconds in Retry-After.", {
    id: "RateLimited",
    headers: z.object({ "Retry-After": z.int().min(0).meta({ description: "Seconds to wait." }) }),
  }),
  503: refusal("UNAVAILABLE — a service this request needs cannot be reached right now; try again shortly.", {
    id: "Unavailable",
  }),
  500: refusal("INTERNAL — a bug on our side; the body has no details. Never an answer to bad input.", {
    id: "InternalError",
  }),
} as const;

const json = <S extends z.ZodType>(schema: S, description: string): ZodOpenApiResponseObject => ({
  description,
  content: { "application/json": { schema } },
});

const jsonBody = <S extends z.ZodType>(schema: S, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

/** action POSTs take no body or {} */
const optionalEmptyBody = {
  required: false,
  description: "No body, or {}.",
  content: { "application/json": { schema: EmptyBody } },
};

type Status = 400 | 401 | 404 | 422 | 429 | 503;

/** responses: the success, the shared refusals by status, and a 409 listing the operation's own codes */
function responses(
  success: Record<number, ZodOpenApiResponseObject>,
  refusals: Status[],
  conflicts?: string,
): ZodOpenApiOperationObject["responses"] {
  const out: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, answer] of Object.entries(success)) out[status] = answer;
  for (const status of refusals) out[String(status)] = R[status];
  if (conflicts) out["409"] = refusal(conflicts);
  out["500"] = R[500];
  return out as ZodOpenApiOperationObject["responses"];
}

const noContent = (description: string) => ({ 204: { description } });

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const NO_AUTH: ZodOpenApiOperationObject["security"] = [];

const TransitionPathParams = ScheduleActionParams.extend({
  id: IdParams.shape.id.meta({ description: "The schedule." }),
});

const idempotencyHeader = z.object({
  [IDEMPOTENCY_KEY_HEADER]: IdempotencyKey.optional(),
});

const replayedHeader = z.object({
  [IDEMPOTENT_REPLAYED_HEADER]: z
    .literal("true")
    .optional()
    .meta({ description: "Present on a repeat of an Idempotency-Key: the first answer, again." }),
});

const KEYED =
  "With an Idempotency-Key the first answer (success or refusal) is stored and returned again for every repeat, " +
  "with Idempotent-Replayed: true; a repeat sent while the first runs waits for it.";

/** a success that a repeated Idempotency-Key replays */
const replayable = (answer: ZodOpenApiResponseObject): ZodOpenApiResponseObject => ({
  ...answer,
  headers: replayedHeader,
});

const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {
  "/auth/signup": {
    post: {
      operationId: "signUp",
      tags: ["Auth"],
      summary: "Create a member with a username and password",
      security: NO_AUTH,
      requestBody: jsonBody(SignUpInput),
      responses: responses(
        { 201: json(MemberView, "The new member.") },
        [400, 429],
        "DUPLICATE — the username is taken (details.fieldErrors.username).",
      ),
    },
  },
  "/auth/token": {
    post: {
      operationId: "createToken",
      tags: ["Auth"],
      summary: "Exchange a username and password for a bearer token",
      description: "Issuing a new token does not revoke older ones.",
      security: NO_AUTH,
      requestBody: jsonBody(TokenInput),
      responses: {
        ...responses({ 200: json(TokenResponse, "A bearer token; expiresIn is in seconds.") }, [400, 429]),
        401: refusal("UNAUTHORIZED — wrong username or password."),
      },
    },
  },
  "/me": {
    get: {
      operationId: "getMe",
      tags: ["Me"],
      summary: "The signed-in member, with the running schedule",
      responses: responses({ 200: json(MemberView, "The member.") }, [401]),
    },
    patch: {
      operationId: "updateMe",
      tags: ["Me"],
      summary: "Change nickname, time zone, daily goal, reminder lead time, locale, working hours or buffer",
      description: "workingHours replaces the whole week: send all seven days.",
      requestBody: jsonBody(UpdateMemberInput),
      responses: responses({ 200: json(MemberView, "The member, changed.") }, [400, 401]),
    },
  },
  "/me/password": {
    post: {
      operationId: "changePassword",
      tags: ["Me"],
      summary: "Change the password; every session and token of the member ends",
      description:
        "The current password is checked like a sign-in (throttled: 429 with Retry-After). Afterwards every session cookie and bearer token of the member is refused, this one too: get a new token with the new password.",
      requestBody: jsonBody(ChangePasswordInput),
      responses: responses(
        noContent("Changed; every session and token has ended."),
        [400, 401, 429],
        "CONFLICT — the password was changed by another request meanwhile.",
      ),
    },
  },
  "/me/sessions": {
    delete: {
      operationId: "endAllSessions",
      tags: ["Me"],
      summary: "Sign out everywhere: every session cookie and bearer token of the member ends",
      responses: responses(noContent("Every session and token has ended, this one too."), [401]),
    },
  },
  "/tasks": {
    post: {
      operationId: "createTask",
      tags: ["Tasks"],
      summary: "Create a task, optionally with prerequisites and followers",
      description: KEYED,
      requestParams: { header: idempotencyHeader },
      requestBody: jsonBody(CreateTaskInput),
      responses: responses(
        { 201: replayable(json(TaskView, "The new task.")) },
        [400, 401, 404, 422],
        "DEPENDENCY_CYCLE — the edges would close a cycle (details.taskIds).",
      ),
    },
    get: {
      operationId: "listTasks",
      tags: ["Tasks"],
      summary: "List open, completed or archived tasks, a page at a time",
      requestParams: { query: ListTasksQuery },
      responses: responses({ 200: json(TaskPage, "A page; nextCursor is null on the last one.") }, [400, 401]),
    },
  },
  "/tasks/{id}": {
    get: {
      operationId: "getTask",
      tags: ["Tasks"],
      summary: "A task with its prerequisites, followers and schedule",
      requestParams: { path: IdParams },
      responses: responses({ 200: json(TaskView, "The task.") }, [400, 401, 404]),
    },
    patch: {
      operationId: "updateTask",
      tags: ["Tasks"],
      summary: "Change a task's fields or prerequisites",
      description:
        "Adding an edge that exists or removing one that does not changes nothing. A self edge is a " +
        "VALIDATION error; an edge that would close a cycle is refused as a whole.",
      requestParams: { path: IdParams },
      requestBody: jsonBody(UpdateTaskInput),
      responses: responses(
        { 200: json(TaskView, "The task, changed.") },
        [400, 401, 404],
        "CONFLICT — a stale version; DEPENDENCY_CYCLE — the change would close a cycle (details.taskIds).",
      ),
    },
    delete: {
      operationId: "deleteTask",
      tags: ["Tasks"],
      summary: "Delete a task (and its linked schedule, or only unlink it)",
      requestParams: { path: IdParams, query: DeleteTaskQuery },
      responses: responses(
        noContent("Deleted."),
        [400, 401, 404],
        "ILLEGAL_TRANSITION — its schedule is in progress or paused; CONFLICT — a stale version.",
      ),
    },
  },
  "/tasks/{id}/complete": {
    post: {
      operationId: "completeTask",
      tags: ["Tasks"],
      summary: "Complete a task (a completed one stays as it is)",
      description: `A NOT_STARTED linked schedule is completed too, with 0 seconds. ${KEYED}`,
      requestParams: { path: IdParams, header: idempotencyHeader },
      requestBody: optionalEmptyBody,
      responses: responses(
        { 200: replayable(json(TaskView, "The task.")) },
        [400, 401, 404, 422],
        "PREREQUISITES_OPEN — a prerequisite is open (details.taskIds); ILLEGAL_TRANSITION — its " +
          "schedule is in progress or paused: finish the schedule.",
      ),
    },
  },
  "/tasks/{id}/reopen": {
    post: {
      operationId: "reopenTask",
      tags: ["Tasks"],
      summary: "Reopen a completed task (an open one stays as it is)",
      description: `A COMPLETED linked schedule is reset, and its statistics reversed. ${KEYED}`,
      requestParams: { path: IdParams, header: idempotencyHeader },
      requestBody: optionalEmptyBody,
      responses: responses({ 200: replayable(json(TaskView, "The task.")) }, [400, 401, 404, 422]),
    },
  },
  "/tasks/{id}/schedule": {
    post: {
      operationId: "scheduleTask",
      tags: ["Tasks"],
      summary: "Create the task's schedule, titled like the task",
      description: KEYED,
      requestParams: { path: IdParams, header: idempotencyHeader },
      requestBody: jsonBody(ScheduleTaskInput),
      responses: responses(
        { 201: replayable(json(ScheduleView, "The new schedule, linked to the task.")) },
        [400, 401, 404, 422],
        "DUPLICATE — the task already has a schedule.",
      ),
    },
  },
  "/schedules": {
    post: {
      operationId: "createSchedule",
      tags: ["Schedules"],
      summary: "Create a schedule, optionally linked to a task",
      description: KEYED,
      requestParams: { header: idempotencyHeader },
      requestBody: jsonBody(CreateScheduleInput),
      responses: responses(
        { 201: replayable(json(ScheduleView, "The new schedule.")) },
        [400, 401, 404, 422],
        "DUPLICATE — the task already has a schedule.",
      ),
    },
    get: {
      operationId: "listSchedules",
      tags: ["Schedules"],
      summary: "The schedules of a local day, or of a range of days",
      description:
        `Give date, or from and to (both days included, at most ${MAX_RANGE_DAYS} days). A schedule belongs to the ` +
        "local day its startAt falls on. Ordered by startAt.",
      requestParams: { query: ListSchedulesQuery },
      responses: responses({ 200: json(ScheduleList, "The schedules, by startAt.") }, [400, 401]),
    },
  },
  "/schedules/{id}": {
    get: {
      operationId: "getSchedule",
      tags: ["Schedules"],
      summary: "A schedule",
      requestParams: { path: IdParams },
      responses: responses({ 200: json(ScheduleView, "The schedule.") }, [400, 401, 404]),
    },
    patch: {
      operationId: "updateSchedule",
      tags: ["Schedules"],
      summary: "Change title, description, start time or type (only while NOT_STARTED)",
      requestParams: { path: IdParams },
      requestBody: jsonBody(UpdateScheduleInput),
      responses: responses(
        { 200: json(ScheduleView, "The schedule, changed.") },
        [400, 401, 404],
        "ILLEGAL_TRANSITION — the schedule has started (details.state, details.allowedActions); " +
          "CONFLICT — a stale version.",
      ),
    },
    delete: {
      operationId: "deleteSchedule",
      tags: ["Schedules"],
      summary: "Delete a schedule (only NOT_STARTED or COMPLETED), and its task if asked",
      description:
        "A COMPLETED schedule leaves the calendar and every read but keeps the time it recorded in the " +
        "statistics; its task is released and can be scheduled again.",
      requestParams: { path: IdParams, query: DeleteScheduleQuery },
      responses: responses(
        noContent("Deleted."),
        [400, 401, 404],
        "ILLEGAL_TRANSITION — the schedule is in progress or paused; CONFLICT — a stale version.",
      ),
    },
  },
  "/schedules/{id}/{action}": {
    post: {
      operationId: "transitionSchedule",
      tags: ["Schedules"],
      summary: "Start, pause, resume, complete, stop or reset a schedule",
      description:
        "The transition table decides; refusals are checked in this order: ILLEGAL_TRANSITION, " +
        "PREREQUISITES_OPEN, ANOTHER_SCHEDULE_ACTIVE. With switch: true, start and resume pause the " +
        `running schedule instead of refusing. ${KEYED}`,
      requestParams: { path: TransitionPathParams, header: idempotencyHeader },
      requestBody: {
        ...optionalEmptyBody,
        description: "No body, {} or { switch }.",
        content: { "application/json": { schema: TransitionInput } },
      },
      responses: responses(
        { 200: { ...json(ScheduleView, "The schedule after the transition."), headers: replayedHeader } },
        [400, 401, 404, 422],
        "ILLEGAL_TRANSITION — the table refuses it (details.state, details.allowedActions); " +
          "PREREQUISITES_OPEN — a prerequisite task is open (details.taskIds); ANOTHER_SCHEDULE_ACTIVE — " +
          "another schedule runs (details.activeScheduleId).",
      ),
    },
  },
  "/schedules/{id}/reminder/snooze": {
    post: {
      operationId: "snoozeReminder",
      tags: ["Schedules"],
      summary: "Remind again in 10 minutes or an hour (the notification's Snooze action)",
      description:
        "With an Idempotency-Key the first answer (success or refusal) is stored and returned again for every " +
        "repeat, with Idempotent-Replayed: true: a repeat never snoozes a second time. The snooze is kept with its " +
        "schedule.snoozed event in the outbox, so it succeeds while the event engine is down and the reminder is " +
        "armed when the engine is back.",
      requestParams: { path: IdParams, header: idempotencyHeader },
      requestBody: {
        required: false,
        description: "No body, {} or { minutes: 10 | 60 } (default 10).",
        content: { "application/json": { schema: SnoozeInput } },
      },
      responses: responses(
        { 200: { ...json(SnoozeAnswer, "When the reminder will come again."), headers: replayedHeader } },
        [400, 401, 404, 422],
        "ILLEGAL_TRANSITION — the schedule has already started.",
      ),
    },
  },
  "/goals": {
    post: {
      operationId: "createGoal",
      tags: ["Goals"],
      summary: "Create a goal",
      requestBody: jsonBody(CreateGoalInput),
      responses: responses({ 201: json(GoalView, "The new goal, with its progress.") }, [400, 401]),
    },
    get: {
      operationId: "listGoals",
      tags: ["Goals"],
      summary: "The member's goals with their progress, newest first",
      requestParams: { query: ListGoalsQuery },
      responses: responses({ 200: json(GoalList, "The goals.") }, [400, 401]),
    },
  },
  "/goals/{id}": {
    get: {
      operationId: "getGoal",
      tags: ["Goals"],
      summary: "A goal with its progress (computed from its tasks, never stored)",
      requestParams: { path: IdParams },
      responses: responses({ 200: json(GoalView, "The goal.") }, [400, 401, 404]),
    },
    patch: {
      operationId: "updateGoal",
      tags: ["Goals"],
      summary: "Change a goal's title, description, target date or status",
      requestParams: { path: IdParams },
      requestBody: jsonBody(UpdateGoalInput),
      responses: responses(
        { 200: json(GoalView, "The goal, changed.") },
        [400, 401, 404],
        "CONFLICT — a stale version.",
      ),
    },
    delete: {
      operationId: "deleteGoal",
      tags: ["Goals"],
      summary: "Delete a goal: its tasks are unlinked, or with deleteTasks=true its open tasks deleted too",
      requestParams: { path: IdParams, query: DeleteGoalQuery },
      responses: responses(
        noContent("Deleted."),
        [400, 401, 404],
        "ILLEGAL_TRANSITION — deleteTasks while one of its open tasks has a schedule in progress or paused; " +
          "CONFLICT — a stale version.",
      ),
    },
  },
  "/goals/{id}/tasks": {
    post: {
      operationId: "acceptGoalTasks",
      tags: ["Goals"],
      summary: "Accept a break-down: create its tasks and their prerequisites, all or nothing",
      description:
        "`after` names refs of this body or ids of the member's existing tasks. An unknown ref is VALIDATION " +
        'naming it (details.fieldErrors["tasks.N.after"]). With an Idempotency-Key the first answer is stored and ' +
        "returned again for every repeat, with Idempotent-Replayed: true.",
      requestParams: { path: IdParams, header: idempotencyHeader },
      requestBody: jsonBody(AcceptTasksInput),
      responses: responses(
        { 201: { ...json(AcceptedTasks, "The created tasks, in the order of the body."), headers: replayedHeader } },
        [400, 401, 404, 422],
        "DEPENDENCY_CYCLE — the edges would close a cycle (details.refs: the refs and task ids along it; " +
          "details.taskIds: the existing tasks on it).",
      ),
    },
  },
  "/goals/{id}/breakdown": {
    post: {
      operationId: "proposeGoalBreakdown",
      tags: ["Goals"],
      summary: "Propose tasks for a goal (a language model when configured, else the offline planner); writes nothing",
      description:
        "Titles and notes are in the member's language; deadlines run from the member's local today to the goal's " +
        "target date (or the length it states). source and model say where the proposal came from. Edit it, then " +
        "accept it with POST /goals/{id}/tasks.",
      requestParams: { path: IdParams },
      requestBody: {
        ...jsonBody(BreakdownInput, "{} takes the defaults (no hint, at most 8 tasks)."),
        required: false,
      },
      responses: responses({ 200: json(BreakdownProposal, "The proposal.") }, [400, 401, 404]),
    },
  },
  "/plan": {
    post: {
      operationId: "proposePlan",
      tags: ["Planning"],
      summary: "Propose where open tasks without a schedule go in the member's free time; writes nothing",
      description:
        "All open unscheduled tasks, the named ones (taskIds: a completed or scheduled one is VALIDATION) or a goal's, " +
        "placed between the local dates from and to (both included, at most 14 days) inside working hours, on the " +
        "5-minute local grid, keeping the buffer, after their prerequisites; the rest are unplaced with a reason.",
      requestBody: jsonBody(PlanInput),
      responses: responses({ 200: json(PlanAnswer, "The proposed plan.") }, [400, 401, 404]),
    },
  },
  "/plan/accept": {
    post: {
      operationId: "acceptPlan",
      tags: ["Planning"],
      summary: "Create the schedules of a proposed plan, all or nothing",
      description:
        "Each placement is checked again against the calendar of now; any that breaks a rule makes the whole " +
        `accept a 409 and creates nothing. ${KEYED}`,
      requestParams: { header: idempotencyHeader },
      requestBody: jsonBody(AcceptPlanInput),
      responses: responses(
        { 201: replayable(json(AcceptedPlan, "The new schedules, linked to their tasks, in the order of the body.")) },
        [400, 401, 404, 422],
        "CONFLICT — details.placements lists each offending placement as { taskId, reason }, reason one of " +
          `${PLACEMENT_REFUSALS.join(", ")}.`,
      ),
    },
  },
  "/statistics/week": {
    get: {
      operationId: "getWeekStatistics",
      tags: ["Statistics"],
      summary: "Seconds worked and schedules completed, Monday to Sunday",
      requestParams: { query: WeekQuery },
      responses: responses({ 200: json(WeekStatistics, "The week.") }, [400, 401]),
    },
  },
  "/push/public-key": {
    get: {
      operationId: "getPushPublicKey",
      tags: ["Push"],
      summary: "The server's VAPID public key, for pushManager.subscribe (null when web push is not configured)",
      security: NO_AUTH,
      responses: responses({ 200: json(PushPublicKeyView, "The key.") }, []),
    },
  },
  "/push/status": {
    get: {
      operationId: "getReminderStatus",
      tags: ["Push"],
      summary: "The server's side of this device's reminder status (push keys, event engine, subscription)",
      description:
        "Name this device by its push endpoint or FCM token; another member's device reads as not subscribed. " +
        "The engine's reachability is asked at most every 15 seconds.",
      requestParams: { query: ReminderStatusQuery },
      responses: responses({ 200: json(ReminderStatusView, "The status.") }, [400, 401]),
    },
  },
  "/push/subscriptions": {
    post: {
      operationId: "subscribePush",
      tags: ["Push"],
      summary: "Register this device for reminders",
      description:
        "An endpoint belongs to one member at a time: subscribing it again from another account moves it, with the " +
        "same keys only. The endpoint must be on a known push service (the server's PUSH_ALLOWED_HOSTS extends the " +
        `list). A member keeps at most 10 devices: one more forgets the one subscribed longest ago. ${KEYED}`,
      requestParams: { header: idempotencyHeader },
      requestBody: jsonBody(PushSubscriptionInput, "A PushSubscription's toJSON(), or { fcmToken }."),
      responses: responses(
        { 201: replayable(json(PushDeviceView, "Subscribed: this device.")) },
        [400, 401, 422],
        "CONFLICT — another member holds this endpoint with other keys.",
      ),
    },
    delete: {
      operationId: "unsubscribePush",
      tags: ["Push"],
      summary: "Forget this device",
      requestBody: jsonBody(DeletePushSubscriptionInput, "{ endpoint } or { fcmToken }."),
      responses: responses(noContent("Forgotten (also when it was not registered)."), [400, 401]),
    },
  },
};

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

function build(): OpenApiDocument {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Pinit API",
      version: "1.0.0",
      description:
        "A planner whose schedules run like music-player tracks. JSON in and out. Times are ISO 8601 " +
        "instants with an offset; dates are YYYY-MM-DD in the member's time zone; durations are " +
        "seconds. Every refusal has the body { error: { code, message, details } }.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "Auth", description: "Sign-up and bearer tokens (no sign-in needed)." },
      { name: "Me", description: "The signed-in member." },
      { name: "Tasks", description: "Tasks and their prerequisites." },
      { name: "Schedules", description: "Schedules and their transitions." },
      { name: "Statistics", description: "Time worked, by week." },
      { name: "Goals", description: "Goals, their progress and accepted break-downs." },
      { name: "Planning", description: "Placing open tasks into free time, and accepting the placement." },
      { name: "Push", description: "Devices that receive reminders." },
    ],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A token from POST /auth/token.",
        },
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE_NAME,
          description: "The browser's session cookie (named __Secure-" + SESSION_COOKIE_NAME + " over https).",
        },
      },
    },
    paths,
  });
}

let memo: OpenApiDocument | undefined;

/** the document, built once per process */
export function openApiDocument(): OpenApiDocument {
  memo ??= build();
  return memo;
}
