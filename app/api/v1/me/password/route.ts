// POST /api/v1/me/password — change the password (the current one required); 204. Every session and token of
// the member ends, this caller's too: ask POST /auth/token again with the new password.
import { clientAddress } from "@/lib/services/members/sign-in-throttle";
import { ChangePasswordInput } from "@/lib/contracts/member";
import { apiHandler } from "@/lib/http/api";
import { changePassword } from "@/lib/services/members/password";

export const POST = apiHandler({ body: ChangePasswordInput, status: 204 }, async ({ memberId, body, request }) => {
  await changePassword(memberId, body, { address: clientAddress(request.headers) });
});
