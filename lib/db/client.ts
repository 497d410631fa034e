import "server-only";
// The app's PrismaClient: the same code for a PostgreSQL server and for the embedded PGlite server.
// Created on first use, so that tests and scripts can set DATABASE_URL before anything connects.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl, poolSettings } from "./url";

export type Db = PrismaClient;

export function createDb(url: string = databaseUrl()): Db {
  const { connectionString, max } = poolSettings(url);
  // a single-connection pool (PGlite) releases its connection when idle, so the CLI can reach the server too
  const adapter = new PrismaPg({ connectionString, max, idleTimeoutMillis: max === 1 ? 1_000 : 10_000 });
  return new PrismaClient({ adapter });
}

const holder = globalThis as unknown as { pinitDb?: Db };

/** the process-wide client (one across Next.js dev reloads) */
export function db(): Db {
  return (holder.pinitDb ??= createDb());
}

/** close the process-wide client; the next db() connects again, to the DATABASE_URL of that moment (scripts) */
export async function disconnectDb(): Promise<void> {
  const current = holder.pinitDb;
  holder.pinitDb = undefined;
  await current?.$disconnect();
}
