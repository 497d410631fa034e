// One fresh database for the integration run; its URL reaches the test files through DATABASE_URL,
// which the workers inherit (they are started after this runs).
import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase | undefined;

export async function setup() {
  database = await createTestDatabase("integration");
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  // the suites sign up many members from one address; the limit's own test turns it on for itself
  process.env.SIGNUP_LIMIT_PER_HOUR ??= "0";
  process.env.PINIT_TEST_DATABASE_EMBEDDED = database.embedded ? "1" : "";
}

export async function teardown() {
  await database?.close();
}
