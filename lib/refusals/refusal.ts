// What a refusal is, whoever answers it: a DomainError as thrown, a ZodError as VALIDATION with every failing
// field and all its reasons, a database out of reach as UNAVAILABLE. The API (lib/http/errors.ts) turns a refusal
// into a status and api.md's body, the server actions (lib/actions/safe-action.ts) into a form's field errors;
// neither needs the other.
import * as z from "zod";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { DomainError, isDomainError, type FieldErrors } from "@/lib/domain/errors";

export const VALIDATION_MESSAGE = "Some fields are not valid.";
export const DATABASE_UNAVAILABLE_MESSAGE = "The service is briefly unavailable: try again in a moment.";

/** a lost or refused database connection as the UNAVAILABLE refusal (its own text may hold internals) */
export function databaseUnavailable(): DomainError {
  return new DomainError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE);
}

/** the key under which details.fieldErrors lists the reasons about the value itself (the body, the query) */
export const ROOT_FIELD = "_";

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? ROOT_FIELD : path.map((k) => String(k)).join(".");
}

/**
 * Every failing field of a ZodError with all its reasons: nested paths joined with "." (a list's
 * items by index, "previousTaskIds.2"), issues about the value itself under "_", and an unknown key
 * of a strict object under its own name ("is not a known field"). `prefix` puts the fields under a
 * parent name. Reasons are listed once each, in the order zod found them.
 */
export function fieldErrorsOf(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): FieldErrors {
  // a Map, not an object: a field may be called "constructor" or "__proto__"
  const out = new Map<string, string[]>();
  const add = (path: readonly PropertyKey[], reason: string) => {
    const name = fieldName(path);
    const reasons = out.get(name) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    out.set(name, reasons);
  };
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...path, key], "is not a known field");
    } else {
      add(path, issue.message);
    }
  }
  return Object.fromEntries(out);
}

/** merges field maps; reasons of the same field are concatenated without repeats */
export function mergeFieldErrors(...maps: FieldErrors[]): FieldErrors {
  const out = new Map<string, string[]>();
  for (const map of maps) {
    for (const [field, reasons] of Object.entries(map)) {
      const into = out.get(field) ?? [];
      for (const reason of reasons) if (!into.includes(reason)) into.push(reason);
      out.set(field, into);
    }
  }
  return Object.fromEntries(out);
}

export function isZodError(e: unknown): e is z.core.$ZodError {
  return e instanceof z.core.$ZodError;
}

/** a ZodError as the VALIDATION DomainError the services and server actions throw */
export function validationFromZod(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): DomainError {
  return new DomainError("VALIDATION", VALIDATION_MESSAGE, { fieldErrors: fieldErrorsOf(error, prefix) });
}

/**
 * the refusal anything thrown stands for: a DomainError as it is, a ZodError as VALIDATION, a database out of
 * reach as UNAVAILABLE; null for anything else (a bug). Shared by the API's answers and the server actions'.
 */
export function refusalOf(e: unknown): DomainError | null {
  if (isDomainError(e)) return e;
  if (isZodError(e)) return validationFromZod(e);
  if (isDatabaseUnavailable(e)) return databaseUnavailable();
  return null;
}
