// POST /api/v1/auth/token — a bearer token for a username and password (401 on bad credentials, 429 with
// Retry-After while the username or the caller's address is throttled).
import { issueAccessToken } from "@/lib/auth/access-token";
import { clientAddress } from "@/lib/services/members/sign-in-throttle";
import { TokenInput, TokenResponse } from "@/lib/contracts/member";
import { apiHandler } from "@/lib/http/api";
import { signInWithPassword } from "@/lib/services/members/sign-in";

export const POST = apiHandler({ auth: false, body: TokenInput, output: TokenResponse }, async ({ body, request }) => {
  return issueAccessToken(await signInWithPassword(body, { address: clientAddress(request.headers) }));
});
