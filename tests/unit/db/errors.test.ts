// Reading database errors as Prisma 7 with the pg driver adapter throws them (real classes, the shapes seen
// from a live server): PrismaClientKnownRequestError → meta.driverAdapterError → cause.
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { isDatabaseUnavailable, sqlState } from "@/lib/db/errors";

type AdapterCause = ConstructorParameters<typeof DriverAdapterError>[0];

/** what the client throws for a failed query: Prisma's code outside, the adapter's error in meta */
function prismaError(code: string, cause: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError("query failed", {
    code,
    clientVersion: "7.10.0",
    meta: { driverAdapterError: new DriverAdapterError(cause as AdapterCause) },
  });
}

const postgres = (sqlstate: string, message: string) => ({
  originalCode: sqlstate,
  originalMessage: message,
  kind: "postgres",
  code: sqlstate,
  severity: "ERROR",
  message,
});

describe("sqlState", () => {
  it("finds the SQLSTATE under Prisma's own code (a deadlock in a raw query is P2010 outside, 40P01 inside)", () => {
    expect(sqlState(prismaError("P2010", postgres("40P01", "deadlock detected")))).toBe("40P01");
    expect(sqlState(prismaError("P2039", postgres("40P01", "deadlock detected")))).toBe("40P01");
    expect(sqlState(prismaError("P2034", { originalCode: "40001", kind: "TransactionWriteConflict" }))).toBe("40001");
    expect(sqlState(prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation" }))).toBe("23505");
  });

  it("is never one of Prisma's codes, but keeps PL/pgSQL's class P0", () => {
    expect(sqlState(prismaError("P1017", { kind: "ConnectionClosed" }))).toBeUndefined();
    expect(sqlState({ code: "P2025" })).toBeUndefined();
    expect(sqlState({ code: "P0001" })).toBe("P0001");
    expect(sqlState(Object.assign(new Error("raw pg error"), { code: "23505" }))).toBe("23505");
    expect(sqlState(new Error("no code"))).toBeUndefined();
    expect(sqlState(undefined)).toBeUndefined();
  });
});

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "the backend terminated (pg_terminate_backend, a restart)",
      prismaError("P2039", {
        ...postgres("57P01", "terminating connection due to administrator command"),
        severity: "FATAL",
      }),
    ],
    ["the socket closed under a model query", prismaError("P1017", { kind: "ConnectionClosed" })],
    ["the socket closed under a raw query", prismaError("P2010", { kind: "ConnectionClosed" })],
    [
      "the server refused the connection",
      prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
    ],
    ["a socket timeout", prismaError("P1008", { kind: "SocketTimeout" })],
    ["too many connections", prismaError("P2037", { originalCode: "53300", kind: "TooManyConnections" })],
    ["the server is starting up", prismaError("P2039", postgres("57P03", "the database system is starting up"))],
    ["a connection exception", prismaError("P2039", postgres("08006", "connection failure"))],
    ["pg's own error when the socket ends", new Error("Connection terminated unexpectedly")],
    ["pg-pool found no connection in time", new Error("timeout exceeded when trying to connect")],
    [
      "a raw socket error",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
        code: "ECONNREFUSED",
        syscall: "connect",
        errno: -111,
      }),
    ],
  ])("%s: yes", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation" })],
    ["a deadlock (retried, then a bug if it persists)", prismaError("P2010", postgres("40P01", "deadlock detected"))],
    ["a syntax error", prismaError("P2010", postgres("42601", "syntax error"))],
    [
      "a record that is not there",
      new Prisma.PrismaClientKnownRequestError("not found", { code: "P2025", clientVersion: "7.10.0" }),
    ],
    ["a plain bug", new TypeError("x is undefined")],
    ["an error whose text only mentions a refused connection", new Error("connect ECONNREFUSED 10.0.0.3:5432")],
    ["nothing", undefined],
  ])("%s: no", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
