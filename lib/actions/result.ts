// What a server action's refusal looks like to a form: the one shape, whether zod refused the input or a
// service refused the request. No server imports: forms (client components) use it too.
import type { FieldErrors } from "@/lib/domain/errors";

export type ActionError = {
  /** a DomainError code (VALIDATION, DUPLICATE, RATE_LIMITED, …) or INTERNAL */
  code: string;
  /** plain English; forms show their own text per code and use this only as a fallback */
  message: string;
  /** field → reasons, for forms to show beside each field ("_" for the form as a whole) */
  fieldErrors: FieldErrors;
  /** the refusal's typed details (ANOTHER_SCHEDULE_ACTIVE: activeScheduleId; ILLEGAL_TRANSITION: state, allowedActions;
   * PREREQUISITES_OPEN: taskIds); empty when there are none */
  details: Record<string, unknown>;
};

export const GENERIC_ACTION_MESSAGE = "Something went wrong on our side. Please try again.";

type Flattened = { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };

/** the refusal in a next-safe-action result (server error or validation errors), or null when there is none */
export function actionError(
  result: { serverError?: ActionError; validationErrors?: Flattened } | undefined,
): ActionError | null {
  if (!result) return null;
  if (result.serverError) return result.serverError;
  if (result.validationErrors) {
    const fieldErrors: FieldErrors = {};
    for (const [field, reasons] of Object.entries(result.validationErrors.fieldErrors ?? {})) {
      if (reasons?.length) fieldErrors[field] = reasons;
    }
    if (result.validationErrors.formErrors?.length) fieldErrors._ = result.validationErrors.formErrors;
    return { code: "VALIDATION", message: "Some fields are not valid.", fieldErrors, details: {} };
  }
  return null;
}
