// The database enforces what a database can (domain.md), and the migrations are exactly schema.prisma.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolSettings } from "@/lib/db/url";

const exec = promisify(execFile);
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: poolSettings(process.env.DATABASE_URL!).connectionString });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

describe("migrations", () => {
  it("produce exactly the schema in prisma/schema.prisma (drift check)", async () => {
    const { stdout } = await exec(
      "node_modules/.bin/prisma",
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      { env: process.env },
    );
    expect(stdout).toContain("No difference detected");
  }, 60_000);

  it("are all applied to the test database", async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    const { readdirSync } = await import("node:fs");
    const folders = readdirSync("prisma/migrations", { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(rows[0].n).toBe(folders.length);
  });
});

describe("the start script's migration check (scripts/start.mjs skips prisma migrate deploy when it finds none)", () => {
  it("finds nothing pending on a migrated database, a new folder pending, and everything pending when it cannot ask", async () => {
    const { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { unappliedMigrations } = await import("../../scripts/embedded-database.mjs");
    const url = process.env.DATABASE_URL!;
    expect(await unappliedMigrations(url)).toEqual([]);

    const dir = mkdtempSync(path.join(tmpdir(), "pinit-migrations-"));
    try {
      cpSync("prisma/migrations", dir, { recursive: true });
      mkdirSync(path.join(dir, "29990101000000_next_change"));
      writeFileSync(path.join(dir, "29990101000000_next_change/migration.sql"), "SELECT 1;");
      mkdirSync(path.join(dir, "29990101000001_empty_folder")); // no migration.sql: prisma ignores it too
      expect(await unappliedMigrations(url, dir)).toEqual(["29990101000000_next_change"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const unreachable = new URL(url);
    unreachable.port = "1"; // nothing listens there
    expect((await unappliedMigrations(unreachable.toString())).length).toBeGreaterThan(0);
  });
});

describe("database constraints", () => {
  // each statement runs in a transaction that is rolled back, so the checks leave nothing behind
  async function attempt(sql: string): Promise<string | null> {
    await client.query("BEGIN");
    try {
      await client.query(sql);
      return null;
    } catch (e) {
      return (e as { constraint?: string; message: string }).constraint ?? (e as Error).message;
    } finally {
      await client.query("ROLLBACK");
    }
  }
  const member = (id: string, username = `user_${id.slice(-4)}`) =>
    `INSERT INTO members (id, username, "passwordHash", nickname, "updatedAt") VALUES ('${id}', '${username}', 'x', 'n', now());`;
  const M1 = "00000000-0000-7000-8000-000000000001";
  const M2 = "00000000-0000-7000-8000-000000000002";
  const T1 = "00000000-0000-7000-8000-0000000000a1";
  const T2 = "00000000-0000-7000-8000-0000000000a2";
  const task = (id: string, memberId = M1, extra = "") =>
    `INSERT INTO tasks (id, "memberId", title, deadline, importance, difficulty, "updatedAt"${extra ? ", " + extra.split("=")[0] : ""})
     VALUES ('${id}', '${memberId}', 't', '2026-12-01', 5, 3, now()${extra ? ", " + extra.split("=")[1] : ""});`;
  const schedule = (id: string, state = "NOT_STARTED", memberId = M1) =>
    `INSERT INTO schedules (id, "memberId", title, "startAt", type, state, "updatedAt") VALUES ('${id}', '${memberId}', 's', now(), 'DEEP_WORK', '${state}', now());`;

  it("accepts a valid member, task, schedule and edge", async () => {
    expect(
      await attempt(
        member(M1) +
          task(T1) +
          task(T2) +
          `INSERT INTO task_dependencies ("memberId", "previousTaskId", "nextTaskId") VALUES ('${M1}', '${T1}', '${T2}');` +
          schedule("00000000-0000-7000-8000-0000000000b1"),
      ),
    ).toBeNull();
  });

  it.each([
    ["a username with capitals", member(M1, "Bad_Name"), "members_username_format"],
    ["a username of 3 characters", member(M1, "abc"), "members_username_format"],
    ["a daily goal of 0", member(M1) + `UPDATE members SET "dailyGoalMinutes" = 0;`, "members_daily_goal_range"],
    [
      "a reminder lead of 121",
      member(M1) + `UPDATE members SET "reminderLeadMinutes" = 121;`,
      "members_reminder_lead_range",
    ],
    ["importance 10", member(M1) + task(T1) + `UPDATE tasks SET importance = 10;`, "tasks_importance_range"],
    ["difficulty 4", member(M1) + task(T1) + `UPDATE tasks SET difficulty = 4;`, "tasks_difficulty_fibonacci"],
    ["a blank title", member(M1) + task(T1) + `UPDATE tasks SET title = '   ';`, "tasks_title_length"],
    [
      "0 expected minutes",
      member(M1) + task(T1) + `UPDATE tasks SET "expectedMinutes" = 0;`,
      "tasks_expected_minutes_range",
    ],
    [
      "a self edge",
      member(M1) +
        task(T1) +
        `INSERT INTO task_dependencies ("memberId", "previousTaskId", "nextTaskId") VALUES ('${M1}', '${T1}', '${T1}');`,
      "task_dependencies_no_self_edge",
    ],
    [
      "a duplicate edge",
      member(M1) +
        task(T1) +
        task(T2) +
        `INSERT INTO task_dependencies ("memberId", "previousTaskId", "nextTaskId") VALUES ('${M1}', '${T1}', '${T2}');`.repeat(
          2,
        ),
      "task_dependencies_pkey",
    ],
    [
      "an edge to another member's task",
      member(M1) +
        member(M2, "other_user") +
        task(T1) +
        task(T2, M2) +
        `INSERT INTO task_dependencies ("memberId", "previousTaskId", "nextTaskId") VALUES ('${M1}', '${T1}', '${T2}');`,
      "task_dependencies_nextTaskId_memberId_fkey",
    ],
    [
      "two running schedules of one member",
      member(M1) +
        schedule("00000000-0000-7000-8000-0000000000b1", "IN_PROGRESS") +
        schedule("00000000-0000-7000-8000-0000000000b2", "IN_PROGRESS"),
      "schedules_one_in_progress_per_member",
    ],
    [
      "two schedules of one task",
      member(M1) +
        task(T1) +
        schedule("00000000-0000-7000-8000-0000000000b1") +
        schedule("00000000-0000-7000-8000-0000000000b2") +
        `UPDATE schedules SET "taskId" = '${T1}' WHERE "memberId" = '${M1}';`,
      "schedules_taskId_key",
    ],
    [
      "a completed schedule without its completion day",
      member(M1) + schedule("00000000-0000-7000-8000-0000000000b1", "COMPLETED"),
      "schedules_completion_recorded",
    ],
    [
      "a session that ends before it starts",
      member(M1) +
        schedule("00000000-0000-7000-8000-0000000000b1") +
        `INSERT INTO work_sessions (id, "memberId", "scheduleId", "startedAt", "endedAt", day) VALUES (gen_random_uuid(), '${M1}', '00000000-0000-7000-8000-0000000000b1', now(), now() - interval '1 second', current_date);`,
      "work_sessions_ordered",
    ],
    [
      "two open sessions of one schedule",
      member(M1) +
        schedule("00000000-0000-7000-8000-0000000000b1") +
        `INSERT INTO work_sessions (id, "memberId", "scheduleId", "startedAt") VALUES (gen_random_uuid(), '${M1}', '00000000-0000-7000-8000-0000000000b1', now());`.repeat(
          2,
        ),
      "work_sessions_one_open_per_schedule",
    ],
    [
      "negative statistics",
      member(M1) +
        `INSERT INTO daily_statistics ("memberId", day, type, seconds) VALUES ('${M1}', current_date, 'DEEP_WORK', -1);`,
      "daily_statistics_seconds_nonnegative",
    ],
    [
      "a push subscription with both transports",
      member(M1) +
        `INSERT INTO push_subscriptions (id, "memberId", endpoint, p256dh, auth, "fcmToken", "updatedAt") VALUES (gen_random_uuid(), '${M1}', 'https://push.example/1', 'k', 'a', 't', now());`,
      "push_subscriptions_one_transport",
    ],
  ])("refuses %s", async (_name, sql, constraint) => {
    expect(await attempt(sql)).toBe(constraint);
  });

  it("removes a deleted task's edges and unlinks its schedule", async () => {
    await client.query("BEGIN");
    try {
      await client.query(
        member(M1) +
          task(T1) +
          task(T2) +
          `INSERT INTO task_dependencies ("memberId", "previousTaskId", "nextTaskId") VALUES ('${M1}', '${T1}', '${T2}');` +
          schedule("00000000-0000-7000-8000-0000000000b1") +
          `UPDATE schedules SET "taskId" = '${T1}' WHERE "memberId" = '${M1}';` +
          `DELETE FROM tasks WHERE id = '${T1}';`,
      );
      const edges = await client.query(`SELECT count(*)::int AS n FROM task_dependencies WHERE "memberId" = '${M1}'`);
      const sched = await client.query(
        `SELECT "taskId" FROM schedules WHERE id = '00000000-0000-7000-8000-0000000000b1'`,
      );
      expect(edges.rows[0].n).toBe(0);
      expect(sched.rows[0].taskId).toBeNull();
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
