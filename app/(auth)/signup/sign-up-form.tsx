"use client";
// The sign-up form. It works without JavaScript (a plain form post to the server action); with it, the
// browser's time zone is sent too and the keyboard goes to the first field that needs fixing.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { FormMessage, TextField, focusFirstProblem, primaryButtonClass } from "@/components/account/field";
import { actionError } from "@/lib/actions/result";
import { DEFAULT_TIME_ZONE, NICKNAME, PASSWORD, USERNAME, type Locale } from "@/lib/domain/limits";
import { reason, type FieldName } from "@/lib/i18n/reasons";
import { signUpAction } from "./actions";

const FORM_MESSAGE_ID = "signup-message";
const FIELDS = ["username", "password", "nickname", "timezone"] as const satisfies readonly FieldName[];

// the browser's time zone, known only in the browser (the server renders the default, then React updates it)
const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;

export function SignUpForm({
  locale,
  callbackUrl,
  signInHref,
}: {
  locale: Locale;
  callbackUrl: string;
  signInHref: string;
}) {
  const t = useTranslations("account");
  const formRef = useRef<HTMLFormElement>(null);
  const [result, formAction, pending] = useActionState(signUpAction, {});
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => DEFAULT_TIME_ZONE);
  // the values typed so far survive a refused submit (React resets a form after its action)
  const [values, setValues] = useState({ username: "", nickname: "" });

  const refusal = useMemo(() => actionError(result), [result]);
  useEffect(() => {
    if (refusal) focusFirstProblem(formRef.current, FORM_MESSAGE_ID);
  }, [refusal]);

  const errorsOf = (field: (typeof FIELDS)[number]) =>
    refusal?.fieldErrors[field]?.map((r) => reason(t, r, locale, field));
  const unplaced = refusal && !FIELDS.some((f) => refusal.fieldErrors[f]?.length);
  const formMessage = refusal
    ? refusal.code === "RATE_LIMITED"
      ? t("errors.tryLater")
      : unplaced && refusal.code !== "VALIDATION"
        ? t("errors.generic")
        : t("errors.summary")
    : null;

  return (
    <div className="flex flex-col gap-6">
      <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
        {formMessage ? (
          <FormMessage id={FORM_MESSAGE_ID} tone="error">
            {formMessage}
          </FormMessage>
        ) : null}
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="timezone" value={timeZone} />
        <input type="hidden" name="locale" value={locale} />
        <TextField
          id="signup-username"
          name="username"
          label={t("fields.username")}
          hint={t("hints.username")}
          errors={errorsOf("username")}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          minLength={USERNAME.min}
          maxLength={USERNAME.max}
          value={values.username}
          onChange={(e) => setValues((v) => ({ ...v, username: e.target.value }))}
        />
        <TextField
          id="signup-password"
          name="password"
          type="password"
          label={t("fields.password")}
          hint={t("hints.password")}
          errors={errorsOf("password")}
          autoComplete="new-password"
          required
          minLength={PASSWORD.min}
          maxLength={PASSWORD.max}
        />
        <TextField
          id="signup-nickname"
          name="nickname"
          label={t("fields.nickname")}
          hint={t("hints.nickname")}
          errors={errorsOf("nickname")}
          autoComplete="nickname"
          maxLength={NICKNAME.max}
          value={values.nickname}
          onChange={(e) => setValues((v) => ({ ...v, nickname: e.target.value }))}
        />
        <p className="text-sm text-muted">{t("hints.timezone", { zone: timeZone })}</p>
        {errorsOf("timezone")?.length ? (
          <p className="text-sm font-medium text-red-700 dark:text-red-300">{errorsOf("timezone")?.join(" ")}</p>
        ) : null}
        <button type="submit" className={primaryButtonClass} disabled={pending} aria-busy={pending}>
          {pending ? t("signUp.submitting") : t("signUp.submit")}
        </button>
      </form>
      <p className="text-center text-sm">
        {t("signUp.haveAccount")}{" "}
        <a href={signInHref} className="font-semibold text-brand underline underline-offset-4">
          {t("signUp.toSignIn")}
        </a>
      </p>
    </div>
  );
}
