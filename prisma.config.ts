import { chmodSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/db/url";

// Offline: Prisma's native schema-engine binary cannot be downloaded on our machines. Point the CLI at
// scripts/schema-engine.mjs, which serves the same stdin/stdout JSON-RPC from @prisma/schema-engine-wasm
// through a driver adapter (recipe and the failure each workaround fixes: docs/prisma-offline.md).
const engine = path.resolve(import.meta.dirname, "scripts/schema-engine.mjs");
chmodSync(engine, 0o755); // the CLI spawns it directly: it must stay executable
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= engine;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrl() },
});
