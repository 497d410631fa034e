// Reads that take more than one statement (a task with its edges and its schedule, a list of them) run in one
// read-only REPEATABLE READ transaction: every statement sees the database as of the first one, so a write that
// commits meanwhile is seen whole or not at all. Read-only snapshots take no locks and never fail to serialise.
import { db } from "@/lib/db/client";
import type { Tx } from "./transaction";

export async function inSnapshot<T>(read: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      // must be the transaction's first statement
      await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      return read(tx);
    },
    // the embedded database has one connection: a burst of reads waits its turn instead of failing
    { maxWait: 30_000, timeout: 30_000 },
  );
}
