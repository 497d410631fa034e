// npm run bench:statements: the SQL statements one transition sends to the database, counted on the wire.
// Every query the app's pg driver sends (BEGIN, SAVEPOINT and COMMIT included) goes through pg.Client#query,
// which is counted here; each action is run on a fresh database, as the service (no key) and keyed (as the API
// runs it under an Idempotency-Key), and the statements of one transition are printed per action.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { postgresDatabase, withAppDatabase } from "./databases";

let counting = false;
let statements: string[] = [];
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const first = args[0] as string | { text?: string };
    const text = typeof first === "string" ? first : (first?.text ?? "");
    statements.push(text.replace(/\s+/g, " ").trim().slice(0, 140));
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

type Action = "start" | "pause" | "resume" | "complete" | "stop" | "reset";
/** each action after the path that makes it allowed; the last action of each path is the one counted */
const PATHS: Record<Action, Action[]> = {
  start: ["start"],
  pause: ["start", "pause"],
  resume: ["start", "pause", "resume"],
  complete: ["start", "complete"],
  stop: ["start", "stop"],
  reset: ["start", "complete", "reset"],
};

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose");
  const database = await postgresDatabase("statements");
  try {
    await withAppDatabase(database, async () => {
      const { db } = await import("../../lib/db/client");
      const { createSchedule } = await import("../../lib/services/schedules/create-schedule");
      const { transitionSchedule } = await import("../../lib/services/schedules/transition-schedule");
      const rows: string[] = [];
      for (const keyed of [false, true]) {
        for (const [action, path] of Object.entries(PATHS) as [Action, Action[]][]) {
          const member = await db().member.create({
            data: { username: `s_${randomBytes(6).toString("hex")}`, passwordHash: "bench", nickname: "bench" },
          });
          const schedule = await createSchedule(member.id, {
            title: "bench",
            startAt: new Date(),
            type: "DEEP_WORK",
          });
          for (const [i, step] of path.entries()) {
            const last = i === path.length - 1;
            statements = [];
            counting = last;
            const idempotency = keyed ? { key: randomUUID(), fingerprint: `POST ${step}` } : undefined;
            await transitionSchedule(member.id, schedule.id, step, { idempotency });
            counting = false;
          }
          rows.push(`| ${action} | ${keyed ? "with an Idempotency-Key" : "no key"} | ${statements.length} |`);
          if (verbose) console.log(`${action}${keyed ? " (keyed)" : ""}:\n  ${statements.join("\n  ")}`);
        }
      }
      console.log("| action | | statements |\n|---|---|---|\n" + rows.join("\n"));
    });
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
