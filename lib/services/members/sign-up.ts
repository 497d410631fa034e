import "server-only";
// Sign-up with a username and password (the sign-up page and POST /api/v1/auth/signup). The member and its
// member.created event are written in one transaction; the event is relayed after commit.
import type { SignUpInput } from "@/lib/contracts/member";
import { hashPassword } from "@/lib/auth/password";
import { countSignUpAttempt } from "@/lib/services/members/sign-up-limit";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/domain/limits";
import { newEvent, publish } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { inTransaction, sqlState } from "../transaction";
import type { MemberView } from "../views";
import { MEMBER_VIEW_SELECT, memberView } from "./view";

/** the reason on the field (forms translate it); the message says it whole */
export const USERNAME_TAKEN = "is already taken";

function usernameTaken(): DomainError {
  return new DomainError("DUPLICATE", "This username is already taken.", {
    fieldErrors: { username: [USERNAME_TAKEN] },
  });
}

/**
 * Creates the member. The nickname defaults to the username; the language to Korean unless the caller knows
 * better (the sign-up page passes the language it was shown in). A taken username is DUPLICATE on the field
 * `username`, decided by the unique index (two sign-ups racing for one name: one wins, one gets DUPLICATE).
 *
 * `address` is the caller's (clientAddress()): its sign-ups are limited per hour (RATE_LIMITED, SIGNUP_LIMIT_PER_HOUR).
 * A name already taken is refused before the password is hashed: the hash is the expensive part, and the answer
 * says the name is taken anyway.
 */
export async function signUp(
  input: SignUpInput,
  options: { address: string; locale?: Locale; now?: Date },
): Promise<MemberView> {
  const now = options.now ?? new Date();
  await countSignUpAttempt(options.address, now);
  const taken = await db().member.findUnique({ where: { username: input.username }, select: { id: true } });
  if (taken) throw usernameTaken();
  // hashed before the transaction (through the bounded line of hashes): CPU must not hold a database connection
  const passwordHash = await hashPassword(input.password);
  try {
    const { view, events } = await inTransaction(async (tx) => {
      const row = await tx.member.create({
        data: {
          username: input.username,
          passwordHash,
          nickname: input.nickname ?? input.username,
          timezone: input.timezone,
          ...(options.locale ? { locale: options.locale } : {}),
        },
        select: MEMBER_VIEW_SELECT,
      });
      const events = await publish(tx, [newEvent("member.created", { memberId: row.id }, now)]);
      return { view: memberView(row, null), events };
    });
    relayAfterCommit(events);
    return view;
  } catch (e) {
    if (sqlState(e) === "23505" || isUniqueViolation(e)) throw usernameTaken();
    throw e;
  }
}

/** Prisma reports a unique violation as P2002 (with or without the driver's SQLSTATE underneath) */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
