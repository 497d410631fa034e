// Reading database errors as Prisma 7 with the pg driver adapter throws them (real classes, the shapes seen
// from a live server): PrismaClientKnownRequestError → meta.driverAdapterError → cause.
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { sqlState } from "@/lib/db/errors";

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
