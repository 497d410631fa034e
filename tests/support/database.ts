// A fresh, migrated database for one test run.
// With TEST_DATABASE_URL or DATABASE_URL (a PostgreSQL server, as in CI): a new database on that server,
// dropped at the end. Otherwise: an in-memory PGlite served over the wire protocol from this process.
// Migrations are applied with the real `prisma migrate deploy`, so the tests also prove the migrations.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";

export type TestDatabase = { url: string; embedded: boolean; close(): Promise<void> };

const exec = promisify(execFile);

/** `server`: the PostgreSQL server to create it on (default: TEST_DATABASE_URL, then DATABASE_URL) */
export async function createTestDatabase(
  label: string,
  server: string | undefined = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL,
): Promise<TestDatabase> {
  const database = server ? await createOnServer(server, label) : await createEmbedded();
  await migrate(database.url);
  return database;
}

/** the real `prisma migrate deploy`, so that every test run also proves the migrations */
export async function migrate(url: string): Promise<void> {
  await exec("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
  }).catch((e: { stdout?: string; stderr?: string }) => {
    throw new Error(`prisma migrate deploy failed on the test database:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  });
}

async function createOnServer(serverUrl: string, label: string): Promise<TestDatabase> {
  const name = `pinit_${label.replace(/\W/g, "_")}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    async close() {
      if (process.env.KEEP_TEST_DATABASE) return;
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function createEmbedded(): Promise<TestDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create(); // in memory: nothing to clean up on disk
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 20 });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?connection_limit=1`;
  return {
    url,
    embedded: true,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
