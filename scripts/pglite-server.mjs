// Embedded default database: this process alone opens the PGlite directory and serves it over the Postgres
// wire protocol, so the app, `prisma migrate` and psql all connect with a normal postgresql:// URL.
// Two processes opening one PGlite directory silently corrupt it, so the directory is guarded by a lock file
// taken before PGlite opens it.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const dir = process.env.PGLITE_DIR ?? ".data/pglite";
const port = Number(process.env.PGLITE_PORT ?? 54329);
mkdirSync(dir, { recursive: true }); // PGlite creates only the last path segment

const lock = path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.lock`);
function takeLock() {
  try {
    const fd = openSync(lock, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
    const owner = Number(readFileSync(lock, "utf8"));
    try {
      process.kill(owner, 0); // still alive: its server owns the directory
      return false;
    } catch {
      rmSync(lock, { force: true }); // a crashed server left it behind
      return takeLock();
    }
  }
}
if (!takeLock()) {
  console.error(`PGlite ${dir} is already served by process ${readFileSync(lock, "utf8")}; not opening it twice.`);
  process.exit(3);
}
const releaseLock = () => rmSync(lock, { force: true });
process.on("exit", releaseLock);

const db = await PGlite.create(dir);
const server = new PGLiteSocketServer({
  db,
  host: "127.0.0.1",
  port,
  maxConnections: Number(process.env.PGLITE_MAX_CONNECTIONS ?? 10), // over the limit, a connection is refused
});
await server.start();
console.log(`PGlite ${dir} on postgresql://postgres:postgres@${server.getServerConn()}/postgres`);
const stop = async () => {
  await server.stop();
  await db.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
