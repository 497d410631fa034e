// Where the database is. One rule, shared by the app, the Prisma CLI, the scripts and the tests:
// DATABASE_URL when set, otherwise the embedded PGlite server (scripts/pglite-server.mjs, data in .data/).
//
// `connection_limit` in the URL (Prisma's classic parameter) sets the app's pool size. The embedded URL asks
// for one: pglite-socket runs one statement at a time and fails with several busy connections.
export const EMBEDDED_PORT = Number(process.env.PGLITE_PORT ?? 54329);
export const EMBEDDED_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres?connection_limit=1`;

export function databaseUrl(): string {
  return process.env.DATABASE_URL || EMBEDDED_URL;
}

/** pg pool settings for a URL: the URL without `connection_limit`, and the pool size it asked for */
export function poolSettings(url: string): { connectionString: string; max: number } {
  const u = new URL(url);
  const limit = Number(u.searchParams.get("connection_limit") ?? "10");
  u.searchParams.delete("connection_limit");
  return { connectionString: u.toString(), max: Number.isInteger(limit) && limit > 0 ? limit : 10 };
}
