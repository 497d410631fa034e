#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary (set as PRISMA_SCHEMA_ENGINE_BINARY in prisma.config.ts).
// The Prisma 7 CLI spawns it with `--datasource {"url":..} [--datamodels file ...]` and talks JSON-RPC over
// stdin/stdout; every method is forwarded to @prisma/schema-engine-wasm, which reaches the database through
// @prisma/adapter-pg. Shadow database: a temporary database on a real server, an in-memory PGlite for PGlite.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasm from "@prisma/schema-engine-wasm/schema_engine_bg";

const args = process.argv.slice(2);
const opt = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const log = (level, message, extra = {}) =>
  process.stderr.write(
    JSON.stringify({ level, target: "schema_engine::logger", fields: { message, ...extra } }) + "\n",
  );

// 1. Load the wasm-bindgen "bundler" build by hand (as Prisma 6's CLI did).
const panics = (globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(m) {
    this.message = m;
  },
});
process.on("uncaughtException", (e) => {
  log("ERROR", panics.message || String(e?.stack ?? e));
  process.exit(101);
});
const wasmFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
  "schema_engine_bg.wasm",
);
const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(wasmFile)), {
  "./schema_engine_bg.js": wasm,
});
wasm.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start();
if (args.includes("--version")) {
  console.log(`schema-engine-wasm ${wasm.version()}`);
  process.exit(0);
}

// 2. adapter-pg 7.10 rejects the catalog type "char" (OID 18, e.g. pg_constraint.contype) with
//    UnsupportedNativeDataType; the engine's describer wants it as ColumnType Character. Report it so.
const charColumns = new AsyncLocalStorage();
function withCharColumns(q) {
  const performIO = q.performIO.bind(q),
    queryRaw = q.queryRaw.bind(q),
    startTransaction = q.startTransaction?.bind(q);
  q.performIO = async (query) => {
    const res = await performIO(query);
    res.fields.forEach((f, i) => {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        charColumns.getStore()?.push(i);
      }
    });
    return res;
  };
  q.queryRaw = (query) => {
    const idx = [];
    return charColumns.run(idx, async () => {
      const rs = await queryRaw(query);
      for (const i of idx) rs.columnTypes[i] = ColumnTypeEnum.Character;
      return rs;
    });
  };
  if (startTransaction) q.startTransaction = async (...a) => withCharColumns(await startTransaction(...a));
  return q;
}

// 3. Adapter factory. Discrete pg fields, not connectionString (pg lets a connectionString override `database`).
const u = new URL(JSON.parse(opt("--datasource")[0] ?? "{}").url ?? process.env.DATABASE_URL);
const cfg = {
  host: u.hostname,
  port: Number(u.port || 5432),
  user: decodeURIComponent(u.username),
  password: decodeURIComponent(u.password),
  database: u.pathname.slice(1) || "postgres",
};
const opened = [];
const main = new PrismaPg(cfg);
const factory = {
  provider: main.provider,
  adapterName: main.adapterName,
  async connect() {
    const a = withCharColumns(await main.connect());
    opened.push(a);
    return a;
  },
  async connectToShadowDb() {
    const admin = new pg.Client(cfg);
    await admin.connect();
    const { rows } = await admin.query("select version() as v");
    if (rows[0].v.includes("PGlite")) {
      // one database only: never CREATE DATABASE on it
      await admin.end();
      const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
        import("@electric-sql/pglite"),
        import("pglite-prisma-adapter"),
      ]);
      const mem = await PGlite.create();
      const shadow = await new PrismaPGlite(mem).connect();
      shadow.dispose = () => mem.close();
      return shadow;
    }
    // adapter-pg's own connectToShadowDb drops the database while its pool is still connected, which fails
    // and leaves prisma_migrate_shadow_db_* behind; create and drop it here instead.
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadow = withCharColumns(await new PrismaPg({ ...cfg, database: name }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return shadow;
  },
};
const closeAll = () => Promise.all(opened.map((a) => a.dispose()));

// 4. `schema-engine --datasource .. cli can-connect-to-database | create-database` (used by migrate dev/deploy)
if (args.includes("cli")) {
  log("INFO", "schema-engine-wasm shim"); // the CLI ignores the first stderr line
  try {
    if (args.includes("create-database")) {
      const admin = new pg.Client({ ...cfg, database: "postgres" });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${cfg.database}"`);
      await admin.end();
    } else {
      const c = new pg.Client(cfg);
      await c.connect();
      await c.end();
    }
    process.exit(0);
  } catch (e) {
    const code = e?.code === "3D000" ? "P1003" : "P1001"; // P1003 = database does not exist: the CLI then asks to create it
    log("ERROR", String(e?.message ?? e), { error_code: code });
    process.exit(1);
  }
}

// 5. JSON-RPC server: one request per line on stdin, one reply per line on stdout.
const datamodels = await Promise.all(opt("--datamodels").map(async (f) => [f, await readFile(f, "utf8")]));
// If the database is unreachable, keep serving and answer every request with that error (as the binary does);
// a shim that exits early leaves some CLI commands (migrate diff) silent with exit code 0.
const engine = await wasm.SchemaEngine.new(
  { datamodels: datamodels.length ? datamodels : undefined },
  (line) => process.stderr.write(line + "\n"),
  bindMigrationAwareSqlAdapterFactory(factory),
).catch((e) => ({ startError: e }));
const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...msg }) + "\n");
// evaluateDataLoss/createMigration read the migrations' schema from a cache that only shadow-DB-aware calls fill
// (on an empty database, devDiagnostic does not), and fail with "PostgreSQL shadow DB must be provided through an
// external factory" when it is empty: then fill it and retry.
const withWarmCache = (method) => async (p) => {
  try {
    return await engine[method](p);
  } catch (e) {
    if (!String(e?.message).includes("must be provided through an external factory")) throw e;
    await engine.diagnoseMigrationHistory({
      migrationsList: p.migrationsList,
      optInToShadowDatabase: true,
      filters: p.filters,
    });
    return engine[method](p);
  }
};
const special = {
  evaluateDataLoss: withWarmCache("evaluateDataLoss"),
  createMigration: withWarmCache("createMigration"),
  getDatabaseVersion: () => engine.version(),
  createDatabase: async () => ({ databaseName: cfg.database }),
  diff: async (p) => {
    // the binary prints the script through a "print" request to the CLI
    const r = await engine.diff(p);
    if (r.stdout) send({ id: 1e9, method: "print", params: { content: r.stdout } });
    return { exitCode: r.exitCode, stdout: null };
  },
};
let queue = Promise.resolve();
readline
  .createInterface({ input: process.stdin })
  .on("line", (line) => {
    const req = JSON.parse(line);
    if (!req.method) return; // the CLI's answer to our "print" request
    queue = queue.then(async () => {
      try {
        if (engine.startError) throw engine.startError;
        const result = await (special[req.method] ?? ((p) => engine[req.method](p)))(req.params);
        send({ id: req.id, result: result ?? {} });
      } catch (e) {
        send({
          id: req.id,
          error: {
            code: 4466,
            message: "An error happened. Check the data field for details.",
            data: {
              is_panic: Boolean(panics.message),
              message: panics.message || String(e?.message ?? e),
              error_code: e?.code ?? null,
              meta: e?.meta ?? null,
            },
          },
        });
      }
    });
  })
  .on("close", async () => {
    await queue;
    engine.free?.();
    await closeAll();
    process.exit(0);
  }); // exit: the engine leaves a ~10 s timer
