// Reading database errors, wherever Prisma and the driver adapter put the facts: Prisma wraps the adapter's
// error (meta.driverAdapterError), which wraps what pg reported (cause: a SQLSTATE, or a kind such as
// ConnectionClosed), and a failure outside a query (pg's own "Connection terminated unexpectedly") may arrive raw.

/** every object in the error's chain: the error, its cause, Prisma's meta and the adapter's error, recursively */
function* chain(e: unknown, seen = new Set<unknown>()): Generator<Record<string, unknown>> {
  if (!e || typeof e !== "object" || seen.has(e)) return;
  seen.add(e);
  const o = e as Record<string, unknown>;
  yield o;
  for (const key of ["cause", "meta", "driverAdapterError"]) yield* chain(o[key], seen);
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
// Prisma's own codes (P1001, P2002, P2010 …) have the shape of a SQLSTATE too; PostgreSQL's class P0 (P0001 …)
// is PL/pgSQL's, so P1000–P6999 are Prisma's. Prisma's code sits on the outermost error: taken for a SQLSTATE, it
// would hide the real one underneath (a deadlock in a raw query is P2010 outside, 40P01 inside).
const PRISMA_CODE = /^P[1-9][0-9]{3}$/;

/** the SQLSTATE of a database error (never Prisma's own error code) */
export function sqlState(e: unknown): string | undefined {
  for (const o of chain(e)) {
    for (const key of ["originalCode", "code"]) {
      const v = o[key];
      if (typeof v === "string" && SQLSTATE.test(v) && !PRISMA_CODE.test(v)) return v;
    }
  }
  return undefined;
}
