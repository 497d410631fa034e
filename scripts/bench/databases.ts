// The two databases every benchmark runs against, each fresh and migrated:
// - PostgreSQL: a new database on BENCH_DATABASE_URL, else DATABASE_URL, else the local server;
// - PGlite: the embedded server exactly as `npm run dev` runs it (scripts/pglite-server.mjs, its own process),
//   on a temporary directory, with the app's one-connection pool.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, stopProcess } from "../../tests/support/app-server";
import { createTestDatabase, migrate } from "../../tests/support/database";
import { cpuSeconds } from "./measure";

export type BenchDatabase = {
  name: "PostgreSQL" | "PGlite";
  /** the app's URL (with connection_limit for the embedded one) */
  url: string;
  /** the app's pool size on it: the floor gets the same ceiling on connections */
  poolMax: number;
  /** CPU seconds the database server has used so far (all of its processes) */
  cpu(): number;
  close(): Promise<void>;
};

const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";

export function postgresServerUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || LOCAL_POSTGRES;
}

export async function postgresDatabase(label: string): Promise<BenchDatabase> {
  const created = await createTestDatabase(`bench_${label}`, postgresServerUrl());
  // every PostgreSQL backend on the machine counts: run the bench with nothing else using the server
  return {
    name: "PostgreSQL",
    url: created.url,
    poolMax: 10,
    cpu: () => cpuSeconds({ command: "postgres" }),
    close: () => created.close(),
  };
}

export async function embeddedDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "pinit-bench-pglite-"));
  const port = await freePort();
  const server = spawn(process.execPath, ["scripts/pglite-server.mjs"], {
    env: { ...process.env, PGLITE_DIR: path.join(dir, "pglite"), PGLITE_PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const close = async () => {
    await stopProcess(server);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port);
    const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?connection_limit=1`;
    await migrate(url);
    return { name: "PGlite", url, poolMax: 1, cpu: () => cpuSeconds({ processGroup: server.pid! }), close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port });
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the embedded database did not listen on ${port} within 30 s`);
}

/** a pg pool on a bench database (without Prisma's connection_limit parameter) */
export function rawPool(database: BenchDatabase, max = database.poolMax): pg.Pool {
  const url = new URL(database.url);
  url.searchParams.delete("connection_limit");
  return new pg.Pool({ connectionString: url.toString(), max });
}

/** `count` schedules NOT_STARTED for each member, in one statement */
export async function seedSchedules(
  pool: pg.Pool,
  memberIds: readonly string[],
  count: number,
): Promise<Map<string, string[]>> {
  const { rows } = await pool.query<{ id: string; memberId: string }>(
    `INSERT INTO schedules (id, "memberId", title, "startAt", type, "updatedAt")
     SELECT gen_random_uuid(), m, 'bench ' || n, now(), 'DEEP_WORK', now()
     FROM unnest($1::uuid[]) AS m, generate_series(1, $2) AS n
     RETURNING id, "memberId"`,
    [memberIds, count],
  );
  const byMember = new Map<string, string[]>(memberIds.map((id) => [id, []]));
  for (const row of rows) byMember.get(row.memberId)!.push(row.id);
  return byMember;
}

/**
 * Runs `work` with the app's own database client (lib/db/client.ts, used by the services) pointed at `database`,
 * in this process; DATABASE_URL is put back afterwards, so the next step still finds the server it was given.
 */
export async function withAppDatabase<T>(database: BenchDatabase, work: () => Promise<T>): Promise<T> {
  const { disconnectDb } = await import("../../lib/db/client");
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  await disconnectDb(); // a client made for another database must not be reused
  try {
    return await work();
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
