// The one typed refusal of Pinit. Services throw it; it is mapped once to a field map for forms
// (lib/actions) and once to the api.md error body for /api/v1 (lib/http). Anything else that escapes
// a service is a bug and is shown to people as a generic message, never as its raw text.

/** every refusal code, once: the union, the contract's enum and the status table all derive from this list */
export const DOMAIN_ERROR_CODES = [
  "VALIDATION",
  "UNAUTHORIZED",
  "NOT_FOUND",
  "ILLEGAL_TRANSITION",
  "ANOTHER_SCHEDULE_ACTIVE",
  "PREREQUISITES_OPEN",
  "DEPENDENCY_CYCLE",
  "CONFLICT",
  "DUPLICATE",
  "IDEMPOTENCY_KEY_REUSED",
  "RATE_LIMITED",
  /** a service the request needs (the workflow engine, the database) cannot be reached: retry later */
  "UNAVAILABLE",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** field name → reasons, as in api.md's VALIDATION details */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown>;
  /** true when this refusal is the stored first answer to a repeated Idempotency-Key */
  replayed = false;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }

  /** the field errors of a VALIDATION or DUPLICATE refusal (empty for other codes) */
  get fieldErrors(): FieldErrors {
    const fe = this.details.fieldErrors;
    return fe && typeof fe === "object" ? (fe as FieldErrors) : {};
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export function validationError(fieldErrors: FieldErrors, message = "Some fields are not valid."): DomainError {
  return new DomainError("VALIDATION", message, { fieldErrors });
}

export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `${what} was not found.`);
}

export function illegalTransition(state: string, allowedActions: readonly string[], message?: string): DomainError {
  return new DomainError("ILLEGAL_TRANSITION", message ?? `Not allowed while the schedule is ${state}.`, {
    state,
    allowedActions: [...allowedActions],
  });
}

export function anotherScheduleActive(activeScheduleId: string): DomainError {
  return new DomainError("ANOTHER_SCHEDULE_ACTIVE", "Another schedule is running: pause it or switch.", {
    activeScheduleId,
  });
}

export function prerequisitesOpen(taskIds: readonly string[]): DomainError {
  return new DomainError("PREREQUISITES_OPEN", "Finish the prerequisite tasks first.", { taskIds: [...taskIds] });
}

export function dependencyCycle(taskIds: readonly string[]): DomainError {
  return new DomainError("DEPENDENCY_CYCLE", "This change would make the prerequisites go in a circle.", {
    taskIds: [...taskIds],
  });
}

export function conflict(): DomainError {
  return new DomainError("CONFLICT", "It was changed elsewhere since you read it: reload and try again.");
}

export function duplicate(field: string, reason: string): DomainError {
  return new DomainError("DUPLICATE", reason, { fieldErrors: { [field]: [reason] } });
}
