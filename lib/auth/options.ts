import "server-only";
// next-auth (v4) for Pinit: JWT sessions (no database adapter: a Credentials provider needs the JWT strategy,
// and members and their provider links are Pinit's own tables), a Credentials provider for username and
// password, and Naver and Kakao when their client id and secret are set.
//
// The options are built per request (lib/auth/nextauth-route.ts): the Credentials provider needs the
// caller's address for throttling and reports a throttle refusal back to the route, which answers 429.
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import KakaoProvider from "next-auth/providers/kakao";
import NaverProvider from "next-auth/providers/naver";
import { TokenInput } from "@/lib/contracts/member";
import { isDomainError, type DomainError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/domain/limits";
import { findOrCreateOidcMember } from "@/lib/services/members/oidc";
import { signInWithPassword } from "@/lib/services/members/sign-in";
import { authSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS, authCookies, sessionClaims } from "./session";

declare module "next-auth" {
  interface User {
    /** the member's session epoch at this sign-in (lib/auth/session.ts) */
    sessionEpoch?: number;
  }
}

export type OAuthProviderId = "naver" | "kakao";

/** where a provider lives; only tests point these elsewhere (a fake provider on 127.0.0.1) */
export type OAuthEndpoints = { authorization: string; token: string; userinfo: string };
export type OAuthClientConfig = { clientId: string; clientSecret: string; endpoints?: OAuthEndpoints };
export type AuthConfig = Partial<Record<OAuthProviderId, OAuthClientConfig>>;

export const OAUTH_PROVIDERS: readonly { id: OAuthProviderId; name: string }[] = [
  { id: "naver", name: "Naver" },
  { id: "kakao", name: "Kakao" },
];

/** a provider is on when both its client id and secret are set (NAVER_CLIENT_ID/SECRET, KAKAO_CLIENT_ID/SECRET) */
export function authConfigFromEnv(env: Record<string, string | undefined> = process.env): AuthConfig {
  const config: AuthConfig = {};
  for (const { id } of OAUTH_PROVIDERS) {
    const clientId = env[`${id.toUpperCase()}_CLIENT_ID`]?.trim();
    const clientSecret = env[`${id.toUpperCase()}_CLIENT_SECRET`]?.trim();
    if (clientId && clientSecret) config[id] = { clientId, clientSecret };
  }
  return config;
}

/** the OAuth providers the sign-in page offers */
export function enabledOAuthProviders(
  config: AuthConfig = authConfigFromEnv(),
): { id: OAuthProviderId; name: string }[] {
  return OAUTH_PROVIDERS.filter((p) => config[p.id] !== undefined);
}

/** what one request to /api/auth/* brings and takes back */
export type AuthRequestContext = {
  /** the caller's address, for the throttle (lib/services/members/sign-in-throttle.ts clientAddress) */
  address: string;
  /** defaults for a member created by a first Naver/Kakao sign-in, from the browser that started it */
  newMemberHints: { timezone?: string; locale?: Locale };
  /** set by the Credentials provider when the throttle refused the attempt: the route answers 429 */
  refusal?: DomainError;
};

/**
 * Error codes next-auth carries to the sign-in page (/signin?error=…). Ours are added to next-auth's own
 * (CredentialsSignin, OAuthSignin, OAuthCallback, …); none carries an internal message.
 */
export const AUTH_ERRORS = {
  rateLimited: "RATE_LIMITED",
  server: "SERVER_ERROR",
  account: "OAuthCreateAccount",
} as const;

export function authOptions(context: AuthRequestContext, config: AuthConfig = authConfigFromEnv()): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: authCookies(),
    // next-auth's own pages are never shown: sign-in and its errors are Pinit's page
    pages: { signIn: "/signin", error: "/signin" },
    providers: [credentialsProvider(context), ...oauthProviders(config)],
    callbacks: {
      jwt: async ({ token, user, account }) => {
        if (!account) return token; // a session read, not a sign-in
        if (account.type === "credentials")
          return sessionClaims(token, { memberId: user.id, sessionEpoch: user.sessionEpoch ?? 0 });
        try {
          const { memberId, sessionEpoch } = await findOrCreateOidcMember({
            provider: account.provider,
            subject: account.providerAccountId,
            nickname: user.name,
            ...context.newMemberHints,
          });
          return sessionClaims(token, { memberId, sessionEpoch });
        } catch (e) {
          // next-auth would put the error's text in the sign-in page's URL: log it here, send a code there
          console.error("[auth] could not find or create the member of an OAuth sign-in", e);
          throw new Error(AUTH_ERRORS.account);
        }
      },
      // /api/auth/session (unused by Pinit's pages) says only until when: nothing from the provider
      session: ({ session }) => ({ expires: session.expires }),
    },
    logger: {
      error: (code, metadata) => console.error(`[next-auth] ${code}`, metadata),
      warn: (code) => {
        // NEXTAUTH_URL is optional for a local start (http://localhost:3000 is assumed)
        if (code !== "NEXTAUTH_URL") console.warn(`[next-auth] ${code}`);
      },
      debug: () => {},
    },
  };
}

function credentialsProvider(context: AuthRequestContext) {
  return CredentialsProvider({
    id: "credentials",
    name: "Pinit",
    credentials: {
      username: { label: "Username", type: "text" },
      password: { label: "Password", type: "password" },
    },
    authorize: async (credentials): Promise<User | null> => {
      // next-auth hands over the whole form body: take the two fields, with the token endpoint's contract
      const parsed = TokenInput.safeParse({ username: credentials?.username, password: credentials?.password });
      if (!parsed.success) return null;
      try {
        const { memberId, sessionEpoch } = await signInWithPassword(parsed.data, { address: context.address });
        return { id: memberId, sessionEpoch };
      } catch (e) {
        if (isDomainError(e) && e.code === "UNAUTHORIZED") return null; // → CredentialsSignin
        if (isDomainError(e) && e.code === "RATE_LIMITED") {
          context.refusal = e;
          throw new Error(AUTH_ERRORS.rateLimited);
        }
        console.error("[auth] password sign-in failed", e);
        throw new Error(AUTH_ERRORS.server);
      }
    },
  });
}

function oauthProviders(config: AuthConfig) {
  const providers = [];
  for (const { id } of OAUTH_PROVIDERS) {
    const client = config[id];
    if (!client) continue;
    // endpoints given here are merged by next-auth over the built-in provider's addresses
    const options = { clientId: client.clientId, clientSecret: client.clientSecret, ...client.endpoints };
    providers.push(id === "naver" ? NaverProvider(options) : KakaoProvider(options));
  }
  return providers;
}
