// One labelled form field with its hint and its errors, tied together for assistive technology: the input
// names its hint and errors in aria-describedby and says aria-invalid while it has errors.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type Common = {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: readonly string[];
  /** a form-level message that concerns this field too (e.g. "wrong username or password"): its id */
  alsoDescribedBy?: string;
};

const inputClass =
  "min-h-12 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink shadow-sm " +
  "aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400";

function describedBy(
  id: string,
  hint: unknown,
  errors: readonly string[] | undefined,
  also?: string,
): string | undefined {
  const ids = [also ?? null, errors?.length ? `${id}-errors` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Messages({ id, hint, errors }: Pick<Common, "id" | "hint" | "errors">) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <ul id={`${id}-errors`} className="flex flex-col gap-0.5 text-sm font-medium text-red-700 dark:text-red-300">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function TextField({
  id,
  label,
  hint,
  errors,
  alsoDescribedBy,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const invalid = Boolean(errors?.length) || Boolean(alsoDescribedBy);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        {...input}
        id={id}
        className={inputClass}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors, alsoDescribedBy)}
      />
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  alsoDescribedBy,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const invalid = Boolean(errors?.length) || Boolean(alsoDescribedBy);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select
        {...select}
        id={id}
        className={inputClass}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors, alsoDescribedBy)}
      >
        {children}
      </select>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** a message about the whole form (wrong password, throttled, saved): announced when it appears */
export function FormMessage({ id, tone, children }: { id: string; tone: "error" | "success"; children: ReactNode }) {
  const colours =
    tone === "error"
      ? "border-red-700/40 bg-red-50 text-red-800 dark:border-red-300/40 dark:bg-red-950 dark:text-red-200"
      : "border-brand/40 bg-surface-tint text-ink";
  return (
    <p
      id={id}
      role={tone === "error" ? "alert" : "status"}
      tabIndex={-1}
      className={`rounded-lg border px-3 py-2 text-sm font-medium ${colours}`}
    >
      {children}
    </p>
  );
}

export const primaryButtonClass =
  "inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand px-6 font-semibold text-on-brand " +
  "shadow-sm hover:bg-brand-strong disabled:cursor-wait disabled:opacity-70";

export const secondaryButtonClass =
  "inline-flex min-h-12 w-full items-center justify-center rounded-lg border border-line bg-surface px-6 " +
  "font-semibold text-brand hover:bg-surface-tint disabled:cursor-wait disabled:opacity-70";

/** after a refused submit, put the keyboard where the problem is: the first invalid field, else the form message */
export function focusFirstProblem(form: HTMLFormElement | null, messageId?: string): void {
  if (!form) return;
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = invalid ?? (messageId ? document.getElementById(messageId) : null);
  target?.focus();
}
