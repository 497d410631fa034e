// Runs a command against the configured database. With DATABASE_URL set, that is the server it names.
// Without it, the embedded PGlite server: started here (data in .data/pglite) unless one already serves the
// directory, migrated, and stopped again when the command ends.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

const port = Number(process.env.PGLITE_PORT ?? 54329);
export const embeddedUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?connection_limit=1`;

const listening = () =>
  new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** start the embedded server unless it is up; returns a function that stops what this call started */
export async function ensureEmbeddedDatabase() {
  if (await listening()) return async () => {};
  const server = spawn(process.execPath, ["scripts/pglite-server.mjs"], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  // a first start creates the database files (initdb in WASM): about 5 s on an idle 2-core machine, three times
  // that on a busy one
  for (let i = 0; i < 600; i++) {
    if (await listening()) {
      return async () => {
        server.kill("SIGTERM");
        await exited;
      };
    }
    if (server.exitCode !== null) throw new Error(`the embedded database stopped (exit ${server.exitCode})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill("SIGTERM");
  throw new Error(`the embedded database did not listen on 127.0.0.1:${port} within 60 s`);
}

/** run a command to its end; resolves with its exit code */
export function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.once("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

export const bin = (name) => `node_modules/.bin/${name}`;

/**
 * The folders of prisma/migrations that the database has not applied, by the same record `prisma migrate
 * deploy` keeps (_prisma_migrations). Asking costs one query; starting the Prisma CLI and its WASM schema
 * engine to find nothing to do costs seconds. A failed or rolled-back migration counts as not applied. When
 * the database cannot answer (no such database, no table yet), every folder counts: deploy then decides.
 */
export async function unappliedMigrations(databaseUrl, migrationsDir = "prisma/migrations") {
  const folders = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name);
  const url = new URL(databaseUrl);
  url.searchParams.delete("connection_limit"); // Prisma's parameter, not pg's
  const client = new pg.Client({ connectionString: url.toString() });
  client.on("error", () => {}); // a dropped connection after the answer is no reason to stop the start
  try {
    await client.connect();
    const { rows } = await client.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return folders.filter((name) => !applied.has(name));
  } catch {
    return folders;
  } finally {
    await client.end().catch(() => {});
  }
}

/** `prisma migrate deploy`, unless every migration is already applied; resolves with an exit code */
export async function migrate(env) {
  const pending = await unappliedMigrations(env.DATABASE_URL);
  if (pending.length === 0) {
    console.log("All migrations are applied; skipping prisma migrate deploy.");
    return 0;
  }
  return run(bin("prisma"), ["migrate", "deploy"], env);
}

/** `node scripts/embedded-database.mjs <command> [args…]`: the command runs with DATABASE_URL set */
async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("usage: node scripts/embedded-database.mjs <command> [args…]");
    process.exit(2);
  }
  let stop = async () => {};
  const env = { ...process.env };
  if (!process.env.DATABASE_URL) {
    stop = await ensureEmbeddedDatabase();
    env.DATABASE_URL = embeddedUrl;
  }
  const code = await run(command.includes("/") ? command : bin(command), args, env);
  await stop();
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
