// Starts Pinit: `node scripts/start.mjs dev` (next dev) or `node scripts/start.mjs start` (next start, after
// `next build`). With no DATABASE_URL it runs on the embedded PGlite database under .data/, which is created
// and migrated here first, so a new user needs no database server and no settings.
import { bin, embeddedUrl, ensureEmbeddedDatabase, run } from "./embedded-database.mjs";

const mode = process.argv[2] === "start" ? "start" : "dev";
const env = { ...process.env };
let stop = async () => {};
if (!process.env.DATABASE_URL) {
  stop = await ensureEmbeddedDatabase();
  env.DATABASE_URL = embeddedUrl;
}
const migrated = await run(bin("prisma"), ["migrate", "deploy"], env);
if (migrated !== 0) {
  await stop();
  process.exit(migrated);
}
const code = await run(bin("next"), [mode, ...process.argv.slice(3)], env);
await stop();
process.exit(code);
