// What must hold in the database after any mix of requests (domain.md), each as one query that lists the
// rows breaking it. Used by the load test (scripts/bench/load.ts) and proven able to fail by
// tests/integration/invariants.test.ts.

export type Invariant = { name: string; violations: number; sample: unknown[] };

/** runs one SQL text and returns its rows */
export type Query = (sql: string) => Promise<unknown[]>;

/** `m(column)`: the SQL condition that keeps the checked members' rows (all rows when no members are given) */
type Check = { name: string; sql: (m: (column: string) => string) => string };

const CHECKS: Check[] = [
  {
    name: "at most one active schedule per member",
    sql: (m) =>
      `SELECT "memberId", count(*) AS running FROM schedules WHERE state = 'IN_PROGRESS' AND ${m(`"memberId"`)} GROUP BY 1 HAVING count(*) > 1`,
  },
  {
    name: "no overlapping work sessions of one member",
    sql: (m) => `SELECT a."memberId", a.id AS first, b.id AS second FROM work_sessions a
          JOIN work_sessions b ON a."memberId" = b."memberId" AND a.id < b.id AND ${m(`a."memberId"`)}
           AND tstzrange(a."startedAt", coalesce(a."endedAt", 'infinity'), '[)') && tstzrange(b."startedAt", coalesce(b."endedAt", 'infinity'), '[)')`,
  },
  {
    name: "an open session exactly when the schedule runs",
    sql: (m) => `SELECT s.id, s.state, count(w.id) AS open FROM schedules s
          LEFT JOIN work_sessions w ON w."scheduleId" = s.id AND w."endedAt" IS NULL
          WHERE ${m(`s."memberId"`)} GROUP BY s.id, s.state HAVING (s.state = 'IN_PROGRESS') <> (count(w.id) = 1) OR count(w.id) > 1`,
  },
  {
    // only completed schedules count: their closed sessions' whole seconds on each session's day, and one
    // completion on the day of completion (api.md, Statistics)
    name: "statistics projection equals the recomputation from sessions",
    sql: (m) => `WITH worked AS (
            SELECT w."memberId", w.day, s.type, sum(floor(extract(epoch FROM w."endedAt" - w."startedAt")))::int AS seconds, 0 AS completions
            FROM work_sessions w JOIN schedules s ON s.id = w."scheduleId"
            WHERE s.state = 'COMPLETED' AND w."endedAt" IS NOT NULL AND ${m(`w."memberId"`)} GROUP BY 1, 2, 3
          ), completed AS (
            SELECT "memberId", "completedOn" AS day, type, 0 AS seconds, count(*)::int AS completions
            FROM schedules WHERE state = 'COMPLETED' AND ${m(`"memberId"`)} GROUP BY 1, 2, 3
          ), recomputed AS (
            SELECT "memberId", day, type, sum(seconds)::int AS seconds, sum(completions)::int AS completions
            FROM (SELECT * FROM worked UNION ALL SELECT * FROM completed) t GROUP BY 1, 2, 3
          )
          SELECT coalesce(r."memberId", d."memberId") AS "memberId", coalesce(r.day, d.day) AS day, coalesce(r.type, d.type) AS type,
                 r.seconds AS recomputed_seconds, d.seconds AS projected_seconds, r.completions AS recomputed_count, d."completedCount" AS projected_count
          FROM recomputed r FULL JOIN (SELECT * FROM daily_statistics WHERE ${m(`"memberId"`)}) d
            ON d."memberId" = r."memberId" AND d.day = r.day AND d.type = r.type
          WHERE coalesce(r.seconds, 0) <> coalesce(d.seconds, 0) OR coalesce(r.completions, 0) <> coalesce(d."completedCount", 0)`,
  },
  {
    // every write to a schedule is one version step, and every transition writes one event: a lost or doubled
    // event shows as a difference (the load test neither edits nor deletes schedules)
    name: "one outbox event per transition (version − 1 per schedule)",
    sql: (m) => `SELECT s.id, s.version, count(o.id) AS events FROM schedules s
          LEFT JOIN outbox_events o ON o."scheduleId" = s.id AND o.type NOT IN ('schedule.created', 'schedule.rescheduled', 'schedule.deleted')
          WHERE ${m(`s."memberId"`)} GROUP BY s.id, s.version HAVING count(o.id) <> s.version - 1`,
  },
];

const UUID = /^[0-9a-f-]{36}$/i;

/** every check, over all members or only `memberIds` (tests share their database with other tests) */
export async function checkInvariants(query: Query, memberIds?: readonly string[]): Promise<Invariant[]> {
  if (memberIds?.some((id) => !UUID.test(id))) throw new Error("checkInvariants: member ids must be uuids");
  const scope = (column: string) => (memberIds ? `${column} = ANY('{${memberIds.join(",")}}'::uuid[])` : "true");
  const results: Invariant[] = [];
  for (const check of CHECKS) {
    const rows = await query(check.sql(scope));
    results.push({ name: check.name, violations: rows.length, sample: rows.slice(0, 3) });
  }
  return results;
}
