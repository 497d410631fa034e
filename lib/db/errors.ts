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

// connection_exception (class 08), admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P01|57P02|57P03|53300)$/;
// the driver adapter's kinds for a connection that failed or died
const UNAVAILABLE_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout", "TooManyConnections"]);
// Prisma's: can't reach the server, timed out reaching it, operation timed out, server closed the connection
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
// pg and pg-pool, when the socket closes under a query or no connection can be had in time
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable)$/;

/**
 * true when the database could not be reached or the connection died under the request: the request did not
 * complete, nothing is wrong with it, and the same request can be tried again (with its Idempotency-Key, a retry
 * after a connection lost during COMMIT is answered from what did commit). Not a bug: a 503, not a 500.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const state = sqlState(e);
  if (state) return UNAVAILABLE_SQLSTATE.test(state);
  for (const o of chain(e)) {
    if (typeof o.kind === "string" && UNAVAILABLE_KINDS.has(o.kind)) return true;
    if (typeof o.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(o.code) || UNAVAILABLE_SOCKET_CODES.has(o.code)))
      return true;
    if (typeof o.message === "string" && UNAVAILABLE_MESSAGES.test(o.message)) return true;
  }
  return false;
}
