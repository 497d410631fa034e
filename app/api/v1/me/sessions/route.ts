// DELETE /api/v1/me/sessions — sign out everywhere: every session cookie and API token of the member ends; 204.
import { apiHandler } from "@/lib/http/api";
import { endAllSessions } from "@/lib/services/members/sessions";

export const DELETE = apiHandler({ status: 204 }, async ({ memberId }) => {
  await endAllSessions(memberId);
});
