import "server-only";
// The transaction client every write works through, apart from transaction.ts so that what the transaction frame
// itself uses (idempotency.ts) can name it without an import cycle.
import type { Prisma } from "@/lib/db/generated/client";

export type Tx = Prisma.TransactionClient;
