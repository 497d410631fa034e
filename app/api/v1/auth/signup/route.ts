// POST /api/v1/auth/signup — create a member with a username and password (201 member; 409 DUPLICATE for a
// taken username; 429 with Retry-After past the hourly limit per address or while the server is busy hashing).
// No sign-in needed; the new member then asks POST /auth/token for a token.
import { clientAddress } from "@/lib/services/members/sign-in-throttle";
import { MemberView, SignUpInput } from "@/lib/contracts/member";
import { apiHandler } from "@/lib/http/api";
import { signUp } from "@/lib/services/members/sign-up";

export const POST = apiHandler(
  { auth: false, body: SignUpInput, status: 201, output: MemberView },
  ({ body, request }) => signUp(body, { address: clientAddress(request.headers) }),
);
