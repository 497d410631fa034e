import "server-only";
// Sign-in through an OAuth/OIDC provider (Naver, Kakao): the provider's subject identifier (`sub`; Naver calls
// it `response.id`) maps to exactly one member. The first sign-in creates the member, its account link and
// member.created in one transaction; later sign-ins find the same member.
import { DEFAULT_TIME_ZONE, NICKNAME, type Locale } from "@/lib/domain/limits";
import { validationError } from "@/lib/domain/errors";
import { isValidTimeZone } from "@/lib/domain/time";
import { db } from "@/lib/db/client";
import { newEvent, publish } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { inTransaction, sqlState } from "../transaction";

export type OidcIdentity = {
  /** next-auth's provider id ("naver") */
  provider: string;
  /** the provider's stable id of the person */
  subject: string;
  /** the name the provider gives, if any: cut to the nickname rules, or a default */
  nickname?: string | null;
  /** hints from the browser that started the sign-in; ignored when not valid */
  timezone?: string | null;
  locale?: Locale | null;
};

/** the nickname of a member whose provider gave no usable name */
export const DEFAULT_NICKNAME = "Pinit";

const PROVIDER_MAX = 32; // accounts.provider VarChar(32)
const SUBJECT_MAX = 255; // accounts.providerAccountId VarChar(255)

export async function findOrCreateOidcMember(
  identity: OidcIdentity,
  now: Date = new Date(),
): Promise<{ memberId: string; sessionEpoch: number; created: boolean }> {
  const provider = identity.provider.trim();
  const subject = identity.subject.trim();
  if (!provider || provider.length > PROVIDER_MAX) throw validationError({ provider: ["must be 1–32 characters"] });
  if (!subject || subject.length > SUBJECT_MAX || /\u0000/.test(subject)) {
    throw validationError({ subject: ["must be 1–255 characters"] });
  }

  const existing = await findLinked(provider, subject);
  if (existing) return { ...existing, created: false };

  try {
    const { memberId, events } = await inTransaction(async (tx) => {
      const member = await tx.member.create({
        data: {
          nickname: nicknameFrom(identity.nickname),
          timezone: identity.timezone && isValidTimeZone(identity.timezone) ? identity.timezone : DEFAULT_TIME_ZONE,
          ...(identity.locale ? { locale: identity.locale } : {}),
          accounts: { create: { provider, providerAccountId: subject } },
        },
        select: { id: true },
      });
      const events = await publish(tx, [newEvent("member.created", { memberId: member.id }, now)]);
      return { memberId: member.id, events };
    });
    relayAfterCommit(events);
    return { memberId, sessionEpoch: 0, created: true };
  } catch (e) {
    // the same person's first sign-in in two tabs at once: the other one created the member; use it
    if (sqlState(e) === "23505" || (e as { code?: unknown } | null)?.code === "P2002") {
      const winner = await findLinked(provider, subject);
      if (winner) return { ...winner, created: false };
    }
    throw e;
  }
}

async function findLinked(
  provider: string,
  subject: string,
): Promise<{ memberId: string; sessionEpoch: number } | null> {
  const account = await db().account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: subject } },
    select: { memberId: true, member: { select: { sessionEpoch: true } } },
  });
  return account ? { memberId: account.memberId, sessionEpoch: account.member.sessionEpoch } : null;
}

/** the provider's name made to fit the nickname rules: one line, no control characters, 1–20 characters */
export function nicknameFrom(name: string | null | undefined): string {
  const cleaned = (name ?? "")
    .toWellFormed()
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut = Array.from(cleaned).slice(0, NICKNAME.max).join("").trim();
  return cut.length >= NICKNAME.min ? cut : DEFAULT_NICKNAME;
}
