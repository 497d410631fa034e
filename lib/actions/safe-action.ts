// The one next-safe-action client of Pinit: every server action is built from it, so every action refuses the
// same way. Input is parsed by the action's zod schema (flattened field errors); a DomainError thrown by a
// service becomes { code, message, fieldErrors }; a database out of reach is UNAVAILABLE ("try again"); anything
// else is logged and shown only as a generic message (its text may hold internals). Next's redirect()/notFound()
// pass through untouched (next-safe-action rethrows them).
import { createSafeActionClient } from "next-safe-action";
import { currentMemberId } from "@/lib/auth/current-member";
import { DomainError, isDomainError } from "@/lib/domain/errors";
import { refusalOf } from "@/lib/refusals/refusal";
import { GENERIC_ACTION_MESSAGE, type ActionError } from "./result";

export const actionClient = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError(error): ActionError {
    const refusal = refusalOf(error);
    if (refusal?.code === "UNAVAILABLE" && !isDomainError(error))
      console.warn("[action] database unavailable:", error.message);
    if (refusal) {
      return {
        code: refusal.code,
        message: refusal.message,
        fieldErrors: refusal.fieldErrors,
        details: refusal.details,
      };
    }
    console.error("[action] unexpected error", error);
    return { code: "INTERNAL", message: GENERIC_ACTION_MESSAGE, fieldErrors: {}, details: {} };
  },
});

/**
 * The client for actions of a signed-in member: `ctx.memberId` is the member of the session cookie (checked
 * against the database). Signed out (or the member is gone): UNAUTHORIZED, and the action does nothing.
 */
export const memberAction = actionClient.use(async ({ next }) => {
  const memberId = await currentMemberId();
  if (!memberId) throw new DomainError("UNAUTHORIZED", "Your session has ended. Please sign in again.");
  return next({ ctx: { memberId } });
});

/** the fields of a submitted form as an object for a zod schema: text fields only, empty ones left out */
export function formFields(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string" && value !== "") out[name] = value;
  }
  return out;
}
