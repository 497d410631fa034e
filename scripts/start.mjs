// Starts Pinit: `node scripts/start.mjs dev` (next dev) or `node scripts/start.mjs start` (next start, after
// `next build`). With no DATABASE_URL it runs on the embedded PGlite database under .data/, which is created
// and migrated here first, so a new user needs no database server and no settings. On any database, pending
// migrations are applied first.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { bin, embeddedUrl, ensureEmbeddedDatabase, migrate, run } from "./embedded-database.mjs";
import { appPortOf, startInngestDevServer } from "./inngest-dev-server.mjs";
import { pushKeys } from "./push-keys.mjs";

/** a local install's signing secret: made once, kept in .data/ (git-ignored), never needed from the user */
function localAuthSecret() {
  const file = ".data/auth-secret";
  if (!existsSync(file)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const mode = process.argv[2] === "start" ? "start" : "dev";
const env = { ...process.env };
if (!env.AUTH_SECRET && !env.NEXTAUTH_SECRET) {
  // A generated secret on a real database would sign sessions with a key that lives only on this disk: a second
  // server, or a redeploy without .data/, would end every session silently. Production says which key it uses.
  if (mode === "start" && env.DATABASE_URL) {
    console.error(
      "Pinit: AUTH_SECRET is not set: `npm start` on DATABASE_URL needs it (32+ random characters, e.g. `openssl rand -base64 32`).",
    );
    process.exit(1);
  }
  env.AUTH_SECRET = localAuthSecret();
}
// web push keys of its own for a local install; configured ones win; production without any says so once
let push;
try {
  push = pushKeys(env, { mode });
} catch (e) {
  // a damaged .data/vapid-keys.json is not replaced silently: that would end every browser's subscription
  console.error(`Pinit: ${e instanceof Error ? e.message : String(e)} (delete it to make a new pair).`);
  process.exit(1);
}
Object.assign(env, push.env);
if (push.notice) console.warn(push.notice);
// every request's socket address, in a header no client can set (lib/auth/client-address.ts, TRUST_PROXY_HOPS)
env.NODE_OPTIONS = [env.NODE_OPTIONS, "--require ./scripts/remote-address.cjs"].filter(Boolean).join(" ");
let stop = async () => {};
if (!process.env.DATABASE_URL) {
  stop = await ensureEmbeddedDatabase();
  env.DATABASE_URL = embeddedUrl;
}
// pending migrations are applied before Next starts; with none, the Prisma CLI is not started at all
const migrated = await migrate(env);
if (migrated !== 0) {
  await stop();
  process.exit(migrated);
}
// the event engine for reminders, beside `next dev` when nothing else is configured (scripts/inngest-dev-server.mjs)
const stopInngest =
  mode === "dev"
    ? await startInngestDevServer(env, { appUrl: `http://localhost:${appPortOf(process.argv.slice(3), env)}` })
    : async () => {};
const code = await run(bin("next"), [mode, ...process.argv.slice(3)], env);
await stopInngest();
await stop();
process.exit(code);
